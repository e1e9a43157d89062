import { existsSync, readFileSync } from 'node:fs';
import type { LinkPlan } from '../../shared/fleet/link';
import type { VendorId } from '../../shared/vendors';
import { checkIndexData, type IndexData } from '../../shared/search/index-data';
import { writeFileAtomicAsync } from '../cache/atomic-write';
import { OtherVersionError, decodeSections, encodeSections, type SectionValue } from '../cache/section-file';

/**
 * What the fleet store computes from the snapshots (the link plan and the
 * search index), saved next to them so a cold start reopens it instead of
 * linking and indexing 100,000 devices again. It is only used when the
 * snapshots it was computed from are exactly the ones loaded (same
 * connections, same order, same checksums); otherwise it is rebuilt.
 */
export const DERIVED_FORMAT = 'fleetdesk-derived';
/** Bump whenever linking or the search index change what they compute: older files are then rebuilt. */
export const DERIVED_VERSION = 1;

/** One slice the derived state was computed from, as its snapshot file said. */
export interface SliceStamp {
  connectionId: string;
  vendor: VendorId;
  /** The snapshot body's SHA-256 (null: no snapshot, an empty slice). */
  sha256: string | null;
  count: number;
}

export interface DerivedState {
  inputs: SliceStamp[];
  plan: LinkPlan;
  index: IndexData;
}

/** `outdated`: written by another version of fleetdesk, rebuilt without a word (nothing is wrong). */
export type DerivedLoad = { status: 'ok'; state: DerivedState } | { status: 'missing' | 'outdated' } | { status: 'corrupt'; problem: string };

export function sameInputs(a: readonly SliceStamp[], b: readonly SliceStamp[]): boolean {
  return a.length === b.length && a.every((s, i) => s.connectionId === b[i]!.connectionId && s.vendor === b[i]!.vendor && s.sha256 === b[i]!.sha256 && s.count === b[i]!.count);
}

const LINK_VENDORS = ['absolute', 'insiders', 'telemetron', 'algosec'] as const;

function sectionsOf(state: DerivedState): Record<string, SectionValue> {
  const sections: Record<string, SectionValue> = {
    'plan.keys': state.plan.keys,
    // Serials as text, "" for none (a normalized serial is never empty).
    'plan.serials': state.plan.serials.map((s) => s ?? ''),
    'plan.conflicts': state.plan.conflicts,
  };
  for (const v of LINK_VENDORS) sections[`plan.refs.${v}`] = state.plan.refs[v];
  for (const [field, value] of Object.entries(state.index)) sections[`index.${field}`] = value as SectionValue;
  return sections;
}

function stateOf(meta: unknown, sections: Record<string, SectionValue>): DerivedState {
  const inputs = (meta as { inputs?: SliceStamp[] } | null)?.inputs;
  if (!Array.isArray(inputs)) throw new Error('it does not say what it was computed from');
  const text = (name: string) => {
    const value = sections[name] ?? [];
    if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) throw new Error(`its ${name} part is damaged`);
    return value as string[];
  };
  const keys = text('plan.keys');
  const refs = Object.fromEntries(LINK_VENDORS.map((v) => [v, sections[`plan.refs.${v}`]])) as LinkPlan['refs'];
  if (!LINK_VENDORS.every((v) => refs[v] instanceof Int32Array && refs[v].length === keys.length)) throw new Error('its link plan is incomplete');
  const plan: LinkPlan = { keys, serials: text('plan.serials').map((s) => s || null), refs, conflicts: (sections['plan.conflicts'] as LinkPlan['conflicts']) ?? [] };
  if (plan.serials.length !== keys.length || !Array.isArray(plan.conflicts)) throw new Error('its link plan is incomplete');
  const index = Object.fromEntries(Object.entries(sections).flatMap(([name, value]) => (name.startsWith('index.') ? [[name.slice(6), value]] : []))) as unknown as IndexData;
  checkIndexData(index);
  if (index.size !== keys.length) throw new Error('its search index and link plan disagree');
  return { inputs, plan, index };
}

/** Writes the derived state (in the background: large typed arrays go to disk as they are). */
export async function saveDerivedState(path: string, state: DerivedState): Promise<void> {
  await writeFileAtomicAsync(path, encodeSections(DERIVED_FORMAT, DERIVED_VERSION, { inputs: state.inputs }, sectionsOf(state)));
}

/** Reads the derived state; a damaged or truncated file is reported (in plain words) rather than used. */
export function loadDerivedState(path: string): DerivedLoad {
  if (!existsSync(path)) return { status: 'missing' };
  try {
    const { meta, sections } = decodeSections(readFileSync(path), DERIVED_FORMAT, DERIVED_VERSION);
    return { status: 'ok', state: stateOf(meta, sections) };
  } catch (err) {
    if (err instanceof OtherVersionError) return { status: 'outdated' };
    return { status: 'corrupt', problem: `The saved search index ${path} could not be used: ${(err as Error).message}.` };
  }
}
