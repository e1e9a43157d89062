import type { z } from 'zod';
import type { Result } from '../errors';
import { appChannels } from './channels/app';
import { connectionChannels } from './channels/connections';
import { fleetChannels } from './channels/fleet';
import { groupChannels, groupEditChannels } from './channels/groups';
import { opsChannels } from './channels/ops';
import { timelineChannels } from './channels/timeline';
import { unenrollChannels } from './channels/unenroll';

/**
 * The IPC contract: every channel the renderer may call, with the schema of
 * its request and result. The preload, the main-process handlers, the browser
 * host and the renderer's client are all typed from this one table. Adding a
 * channel is one entry in a feature's `channels/*.ts` plus its handler.
 */
export const CONTRACT = {
  ...appChannels,
  ...fleetChannels,
  ...groupChannels,
  ...groupEditChannels,
  ...opsChannels,
  ...unenrollChannels,
  ...timelineChannels,
  ...connectionChannels,
} as const;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

/** What the renderer sees: one async function per channel, errors as values. */
export type FleetApi = { [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResultOf<C>>> };

export const CHANNELS = Object.keys(CONTRACT) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, name);
}
