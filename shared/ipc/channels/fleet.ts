import { z } from 'zod';
import { channel } from '../define';
import { FleetDeviceSchema, VendorFreshnessSchema } from '../../model';
import { VENDORS } from '../../vendors';

/** One line of the results table: what a technician scans, computed in main from the linked fleet. */
export const DeviceRowSchema = z.object({
  key: z.string(),
  serial: z.string().nullable(),
  name: z.string(),
  user: z.string().nullable(),
  esn: z.string().nullable(),
  vendors: z.array(z.enum(VENDORS)),
  status: z.enum(['active', 'inactive', 'disabled']).nullable(),
  stolen: z.boolean(),
  lastSeen: z.string().nullable(),
  groups: z.array(z.string()),
  owners: z.array(z.string()),
  conflicts: z.number().int(),
  /** Oldest "as of" among the vendor slices this device comes from (ISO), for the data-age column. */
  dataAsOf: z.string().nullable(),
});
export type DeviceRow = z.infer<typeof DeviceRowSchema>;

export const SORT_COLUMNS = ['relevance', 'name', 'serial', 'user', 'status', 'lastSeen', 'vendors', 'dataAsOf'] as const;

export const QueryErrorSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  message: z.string(),
  hint: z.string().optional(),
});

export const SuggestionSchema = z.object({ label: z.string(), insert: z.string(), detail: z.string().optional() });

const query = z.string().max(200_000);

export const fleetChannels = {
  /** A window of the ranked (or sorted) results; the table asks for more as it scrolls. */
  'fleet:search': channel(
    z
      .object({
        query,
        sort: z.enum(SORT_COLUMNS).default('relevance'),
        descending: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(0).max(1000).default(200),
      })
      .strict(),
    z.object({
      total: z.number().int(),
      offset: z.number().int(),
      rows: z.array(DeviceRowSchema),
      errors: z.array(QueryErrorSchema),
      tookMs: z.number(),
      /** Changes whenever the fleet changes, so the table knows its pages are stale. */
      generation: z.number().int(),
    }),
  ),
  /** Every key matching a query: "select all matching". */
  'fleet:matchingKeys': channel(z.object({ query }).strict(), z.object({ keys: z.array(z.string()) })),
  /** Paste a list of serials / names / esns: the matches and what was not found. */
  'fleet:matchList': channel(z.object({ text: z.string().max(2_000_000) }).strict(), z.object({ keys: z.array(z.string()), notFound: z.array(z.string()), tokens: z.number().int() })),
  'fleet:suggest': channel(z.object({ text: query, cursor: z.number().int().min(0) }).strict(), z.object({ suggestions: z.array(SuggestionSchema) })),
  /** Every vendor's record of one device, for the details pane. */
  'fleet:device': channel(z.object({ key: z.string().max(500) }).strict(), z.object({ device: FleetDeviceSchema.nullable(), freshness: z.array(VendorFreshnessSchema) })),
  /** Rows for a set of keys (the selection basket). */
  'fleet:rows': channel(z.object({ keys: z.array(z.string().max(500)).max(200_000) }).strict(), z.object({ rows: z.array(DeviceRowSchema), missing: z.array(z.string()) })),
  'sync:start': channel(z.object({ connectionId: z.string().max(100).optional() }).strict(), z.object({ started: z.array(z.string()) })),
  'sync:cancel': channel(z.object({ connectionId: z.string().max(100).optional() }).strict(), z.object({ cancelled: z.array(z.string()) })),
};
