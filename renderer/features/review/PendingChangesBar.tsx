import { useState } from 'react';
import { useApp, type SectionId } from '../../state/app-store';
import { useDraft } from '../../state/draft-store';
import { ReviewDialog } from './ReviewDialog';
import './review.css';

type Scope = 'group' | 'ownership' | 'assignment';

const isRemoval = (kind: string) => /(remove|delete|release|unassign|transfer)$/.test(kind);

/** Where each kind of staged change is reviewed. */
const HOME: Record<Scope, { section: SectionId; screen: string; words: [string, string] }> = {
  group: { section: 'groups', screen: 'Groups', words: ['group change', 'group changes'] },
  ownership: { section: 'timelines', screen: 'Timelines', words: ['ownership change', 'ownership changes'] },
  assignment: { section: 'timelines', screen: 'Timelines', words: ['assignment change', 'assignment changes'] },
};

const scopeOf = (kind: string) => kind.split('.')[0] as Scope;

/**
 * The staged edits of one feature: how many, what they are, and the way to
 * review and apply them. The draft is shared, so it also says what is staged
 * elsewhere and where to review it.
 */
export function PendingChangesBar({ scopes }: { scopes: Scope[] }) {
  const draft = useDraft((s) => s.edits);
  // Edits held by a plan queued in the outbox are reviewed from there (Activity), not here.
  const all = draft.filter((e) => !e.queued);
  const queued = draft.length - all.length;
  const edits = all.filter((e) => scopes.includes(scopeOf(e.kind)));
  const here = scopes.map((s) => [s, edits.filter((e) => scopeOf(e.kind) === s).length] as const).filter(([, n]) => n > 0);
  const elsewhere = (Object.keys(HOME) as Scope[]).filter((s) => !scopes.includes(s)).map((s) => [s, all.filter((e) => scopeOf(e.kind) === s).length] as const).filter(([, n]) => n > 0);
  const [open, setOpen] = useState(false);
  const [kinds, setKinds] = useState<string[]>([]);
  const [expanded, setExpanded] = useState(false);
  const words = (s: Scope, n: number) => `${n} ${HOME[s].words[n === 1 ? 0 : 1]}`;
  const other = (elsewhere.length > 0 || queued > 0) && (
    <span className="pending-elsewhere">
      {elsewhere.length > 0 && 'Also staged: '}
      {elsewhere.map(([s, n]) => (
        <button key={s} className="btn btn-ghost btn-small" onClick={() => useApp.getState().go(HOME[s].section)}>
          {words(s, n)} in {HOME[s].screen}
        </button>
      ))}
      {queued > 0 && (
        <button className="btn btn-ghost btn-small" onClick={() => useApp.getState().go('activity')}>
          {queued} queued in the outbox
        </button>
      )}
    </span>
  );
  // One tree shape whatever the count, so the review stays mounted while its edits leave the draft.
  return (
    <div className={`pending-bar ${edits.length ? '' : 'empty'}`} data-testid="pending-bar">
      {edits.length === 0 ? (
        <div className="toolbar">
          <span>No staged changes here. Changes you make here are staged first and sent only after you review them.</span>
          <span className="spacer" />
          {other}
        </div>
      ) : (
        <div className="toolbar">
          <strong>
            {edits.length} staged {edits.length === 1 ? 'change' : 'changes'}
          </strong>
          {here.length > 1 && <span className="muted">({here.map(([s, n]) => words(s, n)).join(', ')})</span>}
          <button className="btn btn-ghost btn-small" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
            {expanded ? 'Hide' : 'Show'}
          </button>
          <span className="spacer" />
          {other}
          <button className="btn" onClick={() => void useDraft.getState().discard(edits.map((e) => e.id))}>
            Discard
          </button>
          <button
            className="btn btn-primary"
            onClick={() => {
              setKinds([...new Set(edits.map((e) => e.kind))]);
              setOpen(true);
            }}
          >
            Review & apply…
          </button>
        </div>
      )}
      {expanded && edits.length > 0 && (
        <ul className="pending-list">
          {edits.map((e) => (
            <li key={e.id} className={isRemoval(e.kind) ? 'pending-remove' : 'pending-add'}>
              {e.label}
            </li>
          ))}
        </ul>
      )}
      {open && <ReviewDialog kinds={kinds} onClose={() => setOpen(false)} />}
    </div>
  );
}
