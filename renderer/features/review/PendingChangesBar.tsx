import { useState } from 'react';
import { useDraft } from '../../state/draft-store';
import { ReviewDialog } from './ReviewDialog';

const isRemoval = (kind: string) => /(remove|delete|release|unassign)$/.test(kind);

/** The staged edits of one feature: how many, what they are, and the way to review and apply them. */
export function PendingChangesBar({ scopes }: { scopes: Array<'group' | 'ownership' | 'assignment'> }) {
  const all = useDraft((s) => s.edits);
  const edits = all.filter((e) => scopes.some((scope) => e.kind.startsWith(`${scope}.`)));
  const [open, setOpen] = useState(false);
  const [kinds, setKinds] = useState<string[]>([]);
  const [expanded, setExpanded] = useState(false);
  // One tree shape whatever the count, so the review stays mounted while its edits leave the draft.
  return (
    <div className={`pending-bar ${edits.length ? '' : 'empty'}`} data-testid="pending-bar">
      {edits.length === 0 ? (
        'No staged changes. Changes you make here are staged first and sent only after you review them.'
      ) : (
        <div className="toolbar">
          <strong>
            {edits.length} staged {edits.length === 1 ? 'change' : 'changes'}
          </strong>
          <button className="btn btn-ghost btn-small" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
            {expanded ? 'Hide' : 'Show'}
          </button>
          <span className="spacer" />
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
