import type { SyncService } from './sync-service';

export interface SchedulerOptions {
  sync: SyncService;
  intervalMinutes: () => number;
  /** First and longest wait between quiet retries while offline, ms. */
  offlineRetryMs?: { first: number; max: number };
}

/**
 * Runs syncs on a schedule, and while offline keeps retrying quietly with a
 * growing wait; the first success (online again) returns to the normal
 * schedule.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private offlineWait: number;
  private stopped = false;

  constructor(private readonly o: SchedulerOptions) {
    this.offlineWait = o.offlineRetryMs?.first ?? 15_000;
  }

  start(syncNow: boolean): void {
    if (syncNow) void this.tick();
    else this.plan();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async tick() {
    this.o.sync.start();
    await this.o.sync.idle();
    this.plan();
  }

  private plan() {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    let wait: number;
    if (this.o.sync.online) {
      this.offlineWait = this.o.offlineRetryMs?.first ?? 15_000;
      wait = Math.max(1, this.o.intervalMinutes()) * 60_000;
    } else {
      wait = this.offlineWait;
      this.offlineWait = Math.min(this.o.offlineRetryMs?.max ?? 10 * 60_000, this.offlineWait * 2);
    }
    this.timer = setTimeout(() => void this.tick(), wait);
    this.timer.unref?.();
  }
}
