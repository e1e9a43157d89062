import type { VendorId } from '../../shared/vendors';

/** Progress a source reports while it pages through a vendor listing. */
export interface SourceProgress {
  items: number;
  pages: number;
  total: number | null;
}

/**
 * Where a failed sync got to, so the next attempt continues from the last
 * complete page instead of starting over. Opaque to the sync service.
 */
export type Checkpoint = { records: unknown[]; cursor: unknown } | null;

export interface SyncRun {
  signal: AbortSignal;
  progress(p: SourceProgress): void;
  /** Sources call this after every complete page; a failure later resumes from here. */
  checkpoint(c: NonNullable<Checkpoint>): void;
}

/** One connection's listing, pulled through its vendor client. */
export interface SyncSource {
  connectionId: string;
  vendor: VendorId;
  label: string;
  pull(run: SyncRun, resumeFrom: Checkpoint): Promise<{ records: unknown[]; meta?: Record<string, unknown> }>;
}
