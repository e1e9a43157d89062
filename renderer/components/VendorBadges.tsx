import { VENDORS, type VendorId } from '../../shared/vendors';

const SHORT: Record<VendorId, string> = { absolute: 'AB', telemetron: 'TE', insiders: 'IN', algosec: 'AS' };
export const VENDOR_NAMES: Record<VendorId, string> = { absolute: 'Absolute', telemetron: 'Telemetron', insiders: 'Insiders', algosec: 'AlgoSec' };

/** Per-vendor presence: a filled chip where the device is known, a hollow one where it is missing. */
export function VendorBadges({ present }: { present: readonly VendorId[] }) {
  return (
    <span className="vendor-badges">
      {VENDORS.map((v) => {
        const has = present.includes(v);
        return (
          <span key={v} className={`vendor-chip vendor-${v} ${has ? 'present' : 'absent'}`} title={`${VENDOR_NAMES[v]}: ${has ? 'present' : 'not found'}`}>
            {SHORT[v]}
          </span>
        );
      })}
    </span>
  );
}
