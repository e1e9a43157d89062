import type { ConflictView } from '../../../shared/ipc/channels/ops';

const CHOICES = [
  { id: 'keep-mine', label: 'Keep mine' },
  { id: 'take-theirs', label: 'Take theirs' },
  { id: 'drop', label: 'Drop' },
] as const;

/** What changed underneath: cached / intended / current side by side, and the user's choice per item. */
export function ConflictTable({ conflicts, onChoose }: { conflicts: ConflictView[]; onChoose: (id: string, choice: (typeof CHOICES)[number]['id']) => void }) {
  return (
    <table className="plain conflicts">
      <thead>
        <tr>
          <th>Item</th>
          <th>When you staged it</th>
          <th>You intend</th>
          <th>At the vendor now</th>
          <th>Your choice</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c) => (
          <tr key={c.id}>
            <td>{c.label}</td>
            <td>{c.cached}</td>
            <td>{c.intended}</td>
            <td>
              <strong>{c.current}</strong>
            </td>
            <td>
              <div role="radiogroup" aria-label={`Resolve ${c.label}`} className="choice-group">
                {CHOICES.map((ch) => (
                  <label key={ch.id}>
                    <input type="radio" name={`conflict-${c.id}`} checked={c.resolution === ch.id} onChange={() => onChoose(c.id, ch.id)} /> {ch.label}
                  </label>
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
