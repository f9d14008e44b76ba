/**
 * The renderer tests' set-up. A `findBy…`/`waitFor` waits for a condition, polling; the library's default
 * ceiling of 1 s was hit on a CI machine whose two cores also ran the unit tests (a restore panel test failed
 * at 1,033 ms). A higher ceiling costs a passing test nothing.
 */
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5000 });
