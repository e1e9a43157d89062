import type { PlanView } from '../../../shared/ipc/channels/ops';
import { VENDOR_NAMES } from '../../components/VendorBadges';
import { api } from '../../ipc/client';
import { toast } from '../../components/Toasts';

/** The plan in plain words: counts, warnings (blocking ones with their way out), and the exact calls. */
export function PlanSummary({ plan, onPlanChange }: { plan: PlanView; onPlanChange: (p: PlanView) => void }) {
  const resolveEmpty = async (group: string, choice: 'keep-one' | 'delete-group') => {
    const r = await api['ops:resolveEmptyGroup']({ planId: plan.planId, group, choice });
    if (r.ok) onPlanChange(r.value);
    else toast(r.error.message, 'bad');
  };
  return (
    <section className="plan-summary">
      <p data-testid="plan-summary">{plan.summary}</p>
      <table className="plain">
        <tbody>
          {plan.counts.map((c) => (
            <tr key={`${c.vendor}-${c.action}`}>
              <td>{VENDOR_NAMES[c.vendor]}</td>
              <td>{c.action}</td>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.warnings.map((w, i) => {
        const emptied = /^Group "(.+)" would be emptied/.exec(w.message)?.[1];
        return (
          <div key={i} className={`banner ${w.level === 'blocking' ? 'banner-error' : w.level === 'warning' ? 'banner-warn' : 'banner-info'}`} role={w.level === 'blocking' ? 'alert' : undefined}>
            <span className="banner-text">{w.message}</span>
            {emptied && w.level === 'blocking' && (
              <>
                <button className="btn btn-small" onClick={() => void resolveEmpty(emptied, 'keep-one')}>
                  Keep one device
                </button>
                <button className="btn btn-small btn-danger" onClick={() => void resolveEmpty(emptied, 'delete-group')}>
                  Delete the group
                </button>
              </>
            )}
          </div>
        );
      })}
      <details open={plan.steps.length <= 12}>
        <summary>
          {plan.calls} vendor {plan.calls === 1 ? 'call' : 'calls'}, in order
        </summary>
        <ol className="plan-steps">
          {plan.steps.map((s) => (
            <li key={s.id}>
              <span className="mono">{s.call}</span> <span className="muted">—</span> {s.label}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
