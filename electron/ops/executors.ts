import { toAppError } from '../../shared/errors';
import type { ItemResult, PlanStep } from '../../shared/ops/plan';
import type { AbsoluteClient } from '../vendors/absolute/client';
import type { AlgosecClient } from '../vendors/algosec/client';
import type { Executor } from './executor';

/** The same result for every item of a call that failed as a whole. */
function allFailed(step: PlanStep, err: unknown): ItemResult[] {
  const e = toAppError(err);
  return step.items.map(() => ({ status: e.outcomeUnknown ? 'unknown' : 'failed', reason: e.message }));
}

export function algosecExecutor(client: AlgosecClient): Executor {
  return {
    async execute(step, signal) {
      const refs = step.items.map((i) => i.ref);
      const group = step.target ?? '';
      try {
        if (step.call === 'algosec.addDevices') await client.addDevices(group, refs, signal);
        else if (step.call === 'algosec.removeDevices') await client.removeDevices(group, refs, signal);
        else if (step.call === 'algosec.createGroup') await client.createGroup(group, refs, signal);
        else if (step.call === 'algosec.deleteGroup') await client.deleteGroup(group, signal);
        return step.items.map(() => ({ status: 'done', reason: null }));
      } catch (err) {
        return allFailed(step, err);
      }
    },
    async verify(step, signal) {
      const group = step.target ?? '';
      const groups = await client.groupsOfDevices(step.call === 'algosec.deleteGroup' ? [] : step.items.map((i) => i.ref), signal);
      const members = new Set(groups.find((g) => g.displayName === group)?.members ?? []);
      return step.items.map((item) => {
        const inGroup = members.has(item.ref);
        const ok = step.call === 'algosec.removeDevices' ? !inGroup : step.call === 'algosec.deleteGroup' ? true : inGroup;
        return ok ? { status: 'done', reason: 'Confirmed by reading AlgoSec.' } : { status: 'failed', reason: 'AlgoSec does not show this change: it was not made.' };
      });
    },
  };
}

const REFUSED = { 1: 'Absolute refused: the agent is inactive or disabled (status 1).', 2: 'Absolute refused: the device is reported stolen (status 2).' } as const;

export function absoluteExecutor(client: AbsoluteClient): Executor {
  return {
    async execute(step, signal) {
      let answer;
      try {
        answer = await client.unenroll(step.items.map((i) => i.ref), signal);
      } catch (err) {
        return allFailed(step, err);
      }
      const byUid = new Map(answer.map((r) => [r.deviceUid, r]));
      return step.items.map((item) => {
        const r = byUid.get(item.ref);
        if (!r) return { status: 'unknown', reason: "Absolute's answer did not mention this device.", detail: { eligibleStatus: null } };
        if (r.eligibleStatus === 0) return { status: 'done', reason: null, detail: { eligibleStatus: 0 } };
        return { status: 'failed', reason: REFUSED[r.eligibleStatus], detail: { eligibleStatus: r.eligibleStatus } };
      });
    },
    async verify(step, signal) {
      const still = new Set((await client.getDevices(step.items.map((i) => i.ref), signal)).map((d) => d.deviceUid));
      return step.items.map((item) =>
        still.has(item.ref) ? { status: 'failed', reason: 'Still enrolled in Absolute: the unenroll did not happen.' } : { status: 'done', reason: 'Absolute no longer lists it: unenrolled.' },
      );
    },
  };
}
