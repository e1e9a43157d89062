import { COLUMNS } from './columns';

/** Which columns the table shows; the name column always stays. */
export function ColumnChooser({ visible, onChange }: { visible: string[]; onChange: (ids: string[]) => void }) {
  return (
    <details className="column-chooser">
      <summary className="btn btn-small">Columns</summary>
      <div className="popover">
        {COLUMNS.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              disabled={c.id === 'name'}
              checked={visible.includes(c.id)}
              onChange={(e) => onChange(e.target.checked ? COLUMNS.map((x) => x.id).filter((id) => id === c.id || visible.includes(id)) : visible.filter((id) => id !== c.id))}
            />{' '}
            {c.label}
          </label>
        ))}
      </div>
    </details>
  );
}
