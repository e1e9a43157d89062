import { DEMO_CREDENTIALS } from '../../../electron/vendors/demo-fleet/credentials';
import type { InsidersSeed } from '../../../electron/vendors/demo-fleet/seed-types';
import { InsidersClient, type InsidersCredentials } from '../../../electron/vendors/insiders/client';
import type { InsidersSimulator } from '../../../electron/vendors/insiders/simulator';
import type { HttpClientOptions } from '../../../electron/http/types';

export const ME = 7;
export const OTHER = 99;
export const OPEN = '2999-12-31T23:59:59Z';

/** A hand-made fleet: owned now, handed over to another manager, released, never owned. */
export function smallSeed(): InsidersSeed {
  return {
    managerId: ME,
    devices: [
      { id: 101, device_name: 'a1b2c3d4e5f8', serial_number: '012345' },
      { id: 102, device_name: 'ffee00112233', serial_number: '067890' },
      { id: 103, device_name: '0a0b0c0d0e0f', serial_number: '055555' },
      { id: 104, device_name: '998877665544', serial_number: '044444' },
    ],
    ownerships: [
      { id: 1, start_time: '2024-01-01T06:00:00.000000Z', end_time: OPEN, device: 101, manager: ME },
      { id: 3, start_time: '2024-03-01T00:00:00.000000Z', end_time: OPEN, device: 102, manager: OTHER },
      { id: 2, start_time: '2023-05-01T00:00:00.000000Z', end_time: '2024-02-28T12:00:00.000000Z', device: 102, manager: ME },
      { id: 4, start_time: '2023-01-01T00:00:00.000000Z', end_time: '2023-06-01T00:00:00.000000Z', device: 103, manager: ME },
    ],
  };
}

/** `n` devices, all owned now by ME, plus one earlier (closed) span on every tenth. */
export function bigSeed(n: number): InsidersSeed {
  const devices: InsidersSeed['devices'] = [];
  const ownerships: InsidersSeed['ownerships'] = [];
  let ownId = 1;
  for (let i = 1; i <= n; i++) {
    devices.push({ id: i, device_name: `dev${i.toString(16).padStart(8, '0')}`, serial_number: `SN${String(i).padStart(7, '0')}` });
    if (i % 10 === 0) {
      ownerships.push({ id: ownId++, start_time: '2022-01-01T00:00:00.000000Z', end_time: '2023-01-01T00:00:00.000000Z', device: i, manager: OTHER });
    }
    ownerships.push({ id: ownId++, start_time: '2023-01-01T00:00:00.000000Z', end_time: OPEN, device: i, manager: ME });
  }
  return { managerId: ME, devices, ownerships };
}

export function clientFor(
  sim: InsidersSimulator,
  over: Partial<InsidersCredentials> = {},
  options: { http?: Partial<HttpClientOptions>; now?: () => number } = {},
): InsidersClient {
  return new InsidersClient(
    { ...DEMO_CREDENTIALS.insiders, baseUrl: sim.url, tokenUrl: sim.tokenUrl, ...over },
    { ...options, http: { backoffBaseMs: 10, ...options.http } },
  );
}

/** Deterministic fault dice: the listed values first, then "no fault" forever. */
export function dice(...values: number[]): () => number {
  return () => values.shift() ?? 0.99;
}
