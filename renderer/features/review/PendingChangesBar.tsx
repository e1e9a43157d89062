import { useState } from 'react';
import { useDraft } from '../../state/draft-store';
import { ReviewDialog } from './ReviewDialog';

/** The staged edits of one feature: how many, what they are, and the way to review and apply them. */
export function PendingChangesBar({ scopes }: { scopes: Array<'group' | 'ownership' | 'assignment'> }) {
  const all = useDraft((s) => s.edits);
  const edits = all.filter((e) => scopes.some((scope) => e.kind.startsWith(`${scope}.`)));
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  if (!edits.length)
    return (
      <div className="pending-bar empty" data-testid="pending-bar">
        No staged changes. Changes you make here are staged first and sent only after you review them.
      </div>
    );
  return (
    <div className="pending-bar" data-testid="pending-bar">
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
        <button className="btn btn-primary" onClick={() => setOpen(true)}>
          Review & apply…
        </button>
      </div>
      {expanded && (
        <ul className="pending-list">
          {edits.map((e) => (
            <li key={e.id} className={e.kind.endsWith('remove') || e.kind.endsWith('delete') || e.kind.endsWith('release') || e.kind.endsWith('unassign') ? 'pending-remove' : 'pending-add'}>
              {e.label}
            </li>
          ))}
        </ul>
      )}
      {open && <ReviewDialog kinds={[...new Set(edits.map((e) => e.kind))]} onClose={() => setOpen(false)} />}
    </div>
  );
}
