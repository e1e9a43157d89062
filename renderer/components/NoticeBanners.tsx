import { useState } from 'react';
import { useApp } from '../state/app-store';

const NONE: string[] = [];

/** Problems found while opening saved data (damaged cache or draft): said once in plain words, dismissible. */
export function NoticeBanners() {
  const notices = useApp((s) => s.status?.notices ?? NONE);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const shown = notices.filter((n) => !dismissed.has(n));
  if (!shown.length) return null;
  return (
    <>
      {shown.map((notice) => (
        <div key={notice} className="banner banner-warn banner-wide" role="alert">
          <span className="banner-text">{notice}</span>
          <button className="btn btn-ghost" aria-label="Dismiss" onClick={() => setDismissed(new Set([...dismissed, notice]))}>
            ×
          </button>
        </div>
      ))}
    </>
  );
}
