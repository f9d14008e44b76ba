import type { RbError } from '../../src-shared/contract';

/** Every error in three parts: what happened, what it means, what to do; raw detail behind "Details". */
export function ErrorCard({ error, title }: { error: RbError; title?: string }) {
  return (
    <div className="error-card" role="alert" data-testid="error-card" data-code={error.code}>
      <h3>{title ?? error.message}</h3>
      {title && <p>{error.message}</p>}
      {error.meaning && <p>{error.meaning}</p>}
      {error.fix && (
        <p className="fix">
          <strong>What to do: </strong>
          {error.fix}
        </p>
      )}
      {error.details && (
        <details>
          <summary>Details</summary>
          <pre>{`${error.code}\n${error.details}`}</pre>
        </details>
      )}
    </div>
  );
}
