import { useEffect, useState } from 'react';

export function relativeTime(iso: string, now = Date.now()): string {
  const ms = now - Date.parse(iso);
  if (Number.isNaN(ms)) return 'unknown';
  const future = ms < 0;
  const s = Math.abs(ms) / 1000;
  const [n, unit] = s < 45 ? [0, 'now'] : s < 3600 ? [Math.round(s / 60), 'min'] : s < 86_400 ? [Math.round(s / 3600), 'h'] : [Math.round(s / 86_400), 'd'];
  if (unit === 'now') return 'just now';
  return future ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/** "5 min ago" that keeps itself current; the exact local time is in the tooltip. */
export function RelativeTime({ iso, empty = 'never' }: { iso: string | null | undefined; empty?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  if (!iso) return <span className="muted">{empty}</span>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso, now)}
    </time>
  );
}
