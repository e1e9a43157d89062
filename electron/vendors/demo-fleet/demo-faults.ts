import type { RunningSimulators } from './start-all';

/**
 * Demo fault switches from the environment, for end-to-end tests and
 * demonstrations:
 * - FLEETDESK_DEMO_FAIL_ASSIGN="SERIAL:5,SERIAL2" makes the demo Telemetron
 *   refuse the next 5 (default 1) assigns of each device, so a transfer ends half done;
 * - FLEETDESK_DEMO_ALGOSEC_LOCK="2" makes the first group change find the demo
 *   AlgoSec appliance locked (423) for 2 seconds, as if another admin had just started an operation.
 */
export function applyDemoFaults(simulators: RunningSimulators, env: NodeJS.ProcessEnv): void {
  for (const spec of (env.FLEETDESK_DEMO_FAIL_ASSIGN ?? '').split(',').filter(Boolean)) {
    const [serial = '', times] = spec.split(':');
    simulators.sims.telemetron.state.failNextAssigns(serial, Number(times ?? 1) || 1);
  }
  const lockSeconds = Number(env.FLEETDESK_DEMO_ALGOSEC_LOCK);
  if (lockSeconds > 0) simulators.sims.algosec.lockOnNextChange(lockSeconds * 1000);
}
