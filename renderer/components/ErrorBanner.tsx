import type { AppError } from '../../shared/errors';

/** Shows an error in plain words, the vendor's own words when given, and Retry when it can help. */
export function ErrorBanner({ error, onRetry, onDismiss }: { error: AppError; onRetry?: () => void; onDismiss?: () => void }) {
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-text">
        <strong>{error.message}</strong>
        {error.vendorMessage && <span className="muted"> — {error.vendor ?? 'vendor'} said: “{error.vendorMessage}”</span>}
        {error.outcomeUnknown && <div className="muted">The request may have reached the vendor; fleetdesk will not resend it on its own.</div>}
      </div>
      {error.retryable && onRetry && (
        <button className="btn" onClick={onRetry}>
          Retry
        </button>
      )}
      {onDismiss && (
        <button className="btn btn-ghost" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
