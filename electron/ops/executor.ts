import type { ItemResult, PlanStep } from '../../shared/ops/plan';

/** Runs plan steps of one vendor connection. Vendor errors become item results, never exceptions. */
export interface Executor {
  execute(step: PlanStep, signal: AbortSignal): Promise<ItemResult[]>;
  /** Reads the vendor to learn what happened to items whose outcome is unknown. */
  verify(step: PlanStep, signal: AbortSignal): Promise<ItemResult[]>;
}
