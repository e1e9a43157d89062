// `npm run simulators`: the four vendor simulators serving the demo fleet.
// Prints ONE line of JSON (addresses and demo credentials) on stdout when
// ready; logs go to stderr; runs until Ctrl+C / SIGTERM.
import { parseArgs } from 'node:util';
import { VENDORS, type VendorId } from '../shared/vendors';
import { startAllSimulators } from '../electron/vendors/demo-fleet/start-all';
import type { Faults } from '../electron/vendors/simulator-kit/server';

const FAULTS = { latency: 'latencyMs', rate429: 'rate429', rate500: 'rate500', rate503: 'rate503', malformed: 'malformedRate', drop: 'dropRate', rps: 'rps' } as const;

const options: Record<string, { type: 'string' | 'boolean' }> = {
  devices: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean' },
  // Vendor-specific faults: Absolute's clock, AlgoSec's 423 window, Absolute's malformed unenroll answer.
  'clock-skew': { type: 'string' },
  locked: { type: 'string' },
  'malformed-unenroll': { type: 'boolean' },
};
for (const f of Object.keys(FAULTS)) {
  options[f] = { type: 'string' };
  for (const v of VENDORS) options[`${v}-${f}`] = { type: 'string' };
}
const { values } = parseArgs({ options, strict: true });

if (values.help) {
  process.stderr.write(`Usage: npm run simulators -- [--devices N] [--seed S] [fault switches]
Fault switches (all vendors, or one with a vendor prefix such as --absolute-rps 20):
  --latency MS   added to every answer        --rps N         requests/second before 429
  --rate429 F    fraction answered 429        --rate500 F     fraction answered 500
  --rate503 F    fraction answered 503        --malformed F   fraction of JSON bodies cut short
  --drop F       fraction of connections dropped without an answer
Vendor-specific:
  --clock-skew S         Absolute's clock runs S seconds ahead (negative: behind); beyond its
                         time window every signed call answers 401 "Elapsed time frame ..."
  --locked S             AlgoSec group changes answer 423 Locked for the first S seconds
  --malformed-unenroll   Absolute answers unenroll with the vendor document's invalid JSON example
Prints one line of JSON with each simulator's URL and demo credentials, then runs until stopped.
`);
  process.exit(0);
}

function numberFlag(flag: string, raw: string, min = 0): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) {
    process.stderr.write(`simulators: --${flag} needs a number, not "${raw}"\n`);
    process.exit(2);
  }
  return n;
}

function faultsFor(vendor: VendorId): Faults {
  const out: Faults = {};
  for (const [flag, key] of Object.entries(FAULTS)) {
    const raw = (values[`${vendor}-${flag}`] ?? values[flag]) as string | undefined;
    if (raw !== undefined) out[key] = numberFlag(flag, raw);
  }
  return out;
}

const started = performance.now();
const devices = Number(values.devices ?? 300);
const running = await startAllSimulators({
  devices,
  seed: Number(values.seed ?? 1),
  faults: Object.fromEntries(VENDORS.map((v) => [v, faultsFor(v)])) as Record<VendorId, Faults>,
});
if (values['clock-skew'] !== undefined) running.sims.absolute.switches.clockOffsetMs = numberFlag('clock-skew', values['clock-skew'] as string, -Infinity) * 1000;
if (values.locked !== undefined) running.sims.algosec.setLocked(numberFlag('locked', values.locked as string) * 1000);
if (values['malformed-unenroll']) running.sims.absolute.switches.malformedUnenroll = true;
process.stderr.write(`simulators: ${devices.toLocaleString('en-US')} demo devices ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`${JSON.stringify(running.info)}\n`);

const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
