export const APP_NAME = 'Rescue Bench';
// Kept in step with package.json by test/main/version.test.ts.
export const APP_VERSION = '0.1.0';
