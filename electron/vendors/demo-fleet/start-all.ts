import type { VendorId } from '../../../shared/vendors';
import { startAbsoluteSimulator, type AbsoluteSimulator } from '../absolute/simulator';
import { startAlgosecSimulator, type AlgosecSimulator } from '../algosec/simulator';
import { startInsidersSimulator, type InsidersSimulator } from '../insiders/simulator';
import type { Faults } from '../simulator-kit/server';
import { startTelemetronSimulator, type TelemetronSimulator } from '../telemetron/simulator';
import { generateDemoFleet, type DemoFleetOptions } from './generate';
import type { DemoFleet } from './seed-types';

/** Where the four simulators listen and what they accept (printed by `npm run simulators`). */
export interface SimulatorInfo {
  absolute: { url: string; region: 'cadc'; tokenId: string; tokenSecret: string };
  telemetron: { url: string; apiKey: string };
  insiders: { url: string; tokenUrl: string; username: string; password: string; clientId: string; clientSecret: string };
  algosec: { url: string; username: string; password: string };
}

export interface RunningSimulators {
  fleet: DemoFleet;
  sims: { absolute: AbsoluteSimulator; telemetron: TelemetronSimulator; insiders: InsidersSimulator; algosec: AlgosecSimulator };
  info: SimulatorInfo;
  close(): Promise<void>;
}

/** Starts all four vendor simulators on loopback, serving one demo fleet. */
export async function startAllSimulators(
  o: DemoFleetOptions & { faults?: Partial<Record<VendorId, Faults>>; ports?: Partial<Record<VendorId, number>> } = {},
): Promise<RunningSimulators> {
  const fleet = generateDemoFleet(o);
  const [absolute, telemetron, insiders, algosec] = await Promise.all([
    startAbsoluteSimulator({ seed: fleet.absolute, faults: o.faults?.absolute, port: o.ports?.absolute }),
    startTelemetronSimulator({ seed: fleet.telemetron, faults: o.faults?.telemetron, port: o.ports?.telemetron }),
    startInsidersSimulator({ seed: fleet.insiders, faults: o.faults?.insiders, port: o.ports?.insiders }),
    startAlgosecSimulator({ seed: fleet.algosec, faults: o.faults?.algosec, port: o.ports?.algosec }),
  ]);
  return {
    fleet,
    sims: { absolute, telemetron, insiders, algosec },
    info: {
      absolute: { url: absolute.url, ...absolute.credentials },
      telemetron: { url: telemetron.url, ...telemetron.credentials },
      insiders: { url: insiders.url, tokenUrl: insiders.tokenUrl, ...insiders.credentials },
      algosec: { url: algosec.url, ...algosec.credentials },
    },
    close: async () => {
      await Promise.all([absolute.close(), telemetron.close(), insiders.close(), algosec.close()]);
    },
  };
}
