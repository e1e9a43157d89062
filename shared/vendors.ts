/** The four vendor consoles fleetdesk talks to. */
export const VENDORS = ['absolute', 'telemetron', 'insiders', 'algosec'] as const;
export type VendorId = (typeof VENDORS)[number];

export const VENDOR_LABELS: Record<VendorId, string> = {
  absolute: 'Absolute',
  telemetron: 'Telemetron',
  insiders: 'Insiders',
  algosec: 'AlgoSec',
};

/** Absolute data-centre regions and their API hosts (VENDOR-NOTES.md, known). */
export const ABSOLUTE_REGIONS = ['cadc', 'usdc', 'eudc'] as const;
export type AbsoluteRegion = (typeof ABSOLUTE_REGIONS)[number];
export const ABSOLUTE_HOSTS: Record<AbsoluteRegion, string> = {
  cadc: 'api.absolute.com',
  usdc: 'api.us.absolute.com',
  eudc: 'api.eu2.absolute.com',
};
