import type { ResultOf } from '../../../shared/ipc/contract';

/** "Staged 2 changes. 1 skipped: LPTP-X (not at Insiders)." — reasons grouped so a long basket still reads in one line. */
export function stagedMessage(r: ResultOf<'ownership:stage'>, what: string): string {
  const staged = r.staged ? `Staged ${what} for ${r.staged} ${r.staged === 1 ? 'device' : 'devices'}.` : `Nothing staged.`;
  if (!r.skipped.length) return staged;
  const byReason = new Map<string, string[]>();
  for (const s of r.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.name]);
  const parts = [...byReason].map(([reason, names]) => `${names.slice(0, 2).join(', ')}${names.length > 2 ? ` and ${names.length - 2} more` : ''} (${reason})`);
  return `${staged} ${r.skipped.length} skipped: ${parts.join('; ')}.`;
}

/** Emails as typed: separated by commas, semicolons, spaces or new lines. */
export const splitEmails = (text: string) => text.split(/[\s,;]+/).filter(Boolean);
