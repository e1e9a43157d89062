import { OPEN_END } from '../../../../shared/model';
import type { InsidersSeed, InsidersSeedDevice, InsidersSeedOwnership } from '../../demo-fleet/seed-types';

/**
 * The simulator's live Insiders data, indexed for 100,000-device fleets:
 * lookups by id and serial are Map hits, and the "owned now" device list is
 * rebuilt only after a change (not per page).
 */
export class InsidersSimState {
  readonly managerId: number;
  readonly devices = new Map<number, InsidersSeedDevice>();
  readonly devicesBySerial = new Map<string, InsidersSeedDevice>();
  /** In id order (ids only grow), for stable page-number paging. */
  readonly ownerships: InsidersSeedOwnership[] = [];
  readonly ownershipsById = new Map<number, InsidersSeedOwnership>();
  readonly ownershipsByDevice = new Map<number, InsidersSeedOwnership[]>();
  private deviceList: InsidersSeedDevice[];
  private currentCache: InsidersSeedDevice[] | null = null;
  private nextOwnershipId: number;

  constructor(seed: InsidersSeed) {
    this.managerId = seed.managerId;
    this.deviceList = seed.devices.map((d) => ({ ...d }));
    for (const d of this.deviceList) {
      this.devices.set(d.id, d);
      this.devicesBySerial.set(d.serial_number, d);
    }
    const sorted = seed.ownerships.map((o) => ({ ...o })).sort((a, b) => a.id - b.id);
    for (const o of sorted) this.indexOwnership(o);
    this.nextOwnershipId = (sorted.at(-1)?.id ?? 0) + 1;
  }

  allDevices(): readonly InsidersSeedDevice[] {
    return this.deviceList;
  }

  /** Devices with an open span held by the signed-in manager. */
  currentDevices(): readonly InsidersSeedDevice[] {
    this.currentCache ??= this.deviceList.filter((d) => this.ownsNow(d.id));
    return this.currentCache;
  }

  /** The first open span of a device (a device can have several: an overlap). */
  openSpan(deviceId: number): InsidersSeedOwnership | undefined {
    return this.ownershipsByDevice.get(deviceId)?.find((o) => o.end_time === OPEN_END);
  }

  /** True when the signed-in manager holds an open span of this device. */
  ownsNow(deviceId: number, manager = this.managerId): boolean {
    return this.ownershipsByDevice.get(deviceId)?.some((o) => o.end_time === OPEN_END && o.manager === manager) ?? false;
  }

  /** Tests use this to add a device "underneath" the app. */
  addDevice(d: InsidersSeedDevice): void {
    const copy = { ...d };
    this.deviceList.push(copy);
    this.devices.set(copy.id, copy);
    this.devicesBySerial.set(copy.serial_number, copy);
    this.currentCache = null;
  }

  openOwnership(deviceId: number, manager: number, startTime: string): InsidersSeedOwnership {
    const o: InsidersSeedOwnership = { id: this.nextOwnershipId++, start_time: startTime, end_time: OPEN_END, device: deviceId, manager };
    this.indexOwnership(o);
    return o;
  }

  closeOwnership(o: InsidersSeedOwnership, endTime: string): void {
    o.end_time = endTime;
    this.currentCache = null;
  }

  private indexOwnership(o: InsidersSeedOwnership): void {
    this.ownerships.push(o);
    this.ownershipsById.set(o.id, o);
    const list = this.ownershipsByDevice.get(o.device);
    if (list) list.push(o);
    else this.ownershipsByDevice.set(o.device, [o]);
    this.currentCache = null;
  }
}
