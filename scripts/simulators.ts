// `npm run simulators`: the four vendor simulators serving the demo fleet.
// Prints ONE line of JSON (addresses and demo credentials) on stdout when
// ready; logs go to stderr; runs until Ctrl+C / SIGTERM.
import { parseArgs } from 'node:util';
import { VENDORS, type VendorId } from '../shared/vendors';
import { startAllSimulators } from '../electron/vendors/demo-fleet/start-all';
import type { Faults } from '../electron/vendors/simulator-kit/server';

const FAULTS = { latency: 'latencyMs', rate429: 'rate429', rate500: 'rate500', rate503: 'rate503', malformed: 'malformedRate', drop: 'dropRate', rps: 'rps' } as const;

const options: Record<string, { type: 'string' | 'boolean' }> = { devices: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } };
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
Prints one line of JSON with each simulator's URL and demo credentials, then runs until stopped.
`);
  process.exit(0);
}

function faultsFor(vendor: VendorId): Faults {
  const out: Faults = {};
  for (const [flag, key] of Object.entries(FAULTS)) {
    const raw = (values[`${vendor}-${flag}`] ?? values[flag]) as string | undefined;
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) {
      process.stderr.write(`simulators: --${flag} needs a number, not "${raw}"\n`);
      process.exit(2);
    }
    out[key] = n;
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
process.stderr.write(`simulators: ${devices.toLocaleString('en-US')} demo devices ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.stdout.write(`${JSON.stringify(running.info)}\n`);

const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
