import type { RbError } from '../../src-shared/contract';
import { useLocalizedError, useT } from '../i18n';

/** Every error in three parts: what happened, what it means, what to do; raw detail behind "Details". */
export function ErrorCard({ error: raw, title }: { error: RbError; title?: string }) {
  const t = useT();
  const error = useLocalizedError(raw);
  return (
    <div className="error-card" role="alert" data-testid="error-card" data-code={error.code}>
      <h3>{title ?? error.message}</h3>
      {title && <p>{error.message}</p>}
      {error.meaning && <p>{error.meaning}</p>}
      {error.fix && (
        <p className="fix">
          <strong>{t('common.whatToDo')}</strong>
          {error.fix}
        </p>
      )}
      {error.details && (
        <details>
          <summary>{t('common.details')}</summary>
          <pre>{`${error.code}\n${error.details}`}</pre>
        </details>
      )}
    </div>
  );
}
