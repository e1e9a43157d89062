import type { AbsoluteSeed, AbsoluteSeedDevice } from '../../demo-fleet/seed-types';

/** The simulator's live account: devices by uid, in listing order; unenrolled devices leave the listing. */
export class AbsoluteSimState {
  readonly devices: AbsoluteSeedDevice[];
  private readonly byUid = new Map<string, AbsoluteSeedDevice>();
  readonly unenrolled = new Set<string>();

  constructor(seed: AbsoluteSeed) {
    this.devices = seed.devices.map((d) => ({ ...d }));
    for (const d of this.devices) this.byUid.set(d.id, d);
  }

  get(uid: string): AbsoluteSeedDevice | undefined {
    return this.unenrolled.has(uid) ? undefined : this.byUid.get(uid);
  }

  listed(): AbsoluteSeedDevice[] {
    return this.unenrolled.size ? this.devices.filter((d) => !this.unenrolled.has(d.id)) : this.devices;
  }

  /** Absolute's rule: only active, not-stolen devices are unenrolled. */
  unenroll(uid: string): { device: AbsoluteSeedDevice; eligibleStatus: 0 | 1 | 2 } | null {
    const device = this.get(uid);
    if (!device) return null;
    const eligibleStatus = device.isStolen ? 2 : device.agentStatus === 'A' ? 0 : 1;
    if (eligibleStatus === 0) this.unenrolled.add(uid);
    return { device, eligibleStatus };
  }
}
