import { CONTRACT, isChannel } from '../../shared/ipc/contract';
import { appError, fail, ok, toAppError, type Result } from '../../shared/errors';
import type { Handlers } from './handler-types';

/**
 * The single entry for every IPC call, Electron or browser host: refuses an
 * unknown channel, zod-parses the payload, runs the handler, and turns any
 * failure into a typed error value. It never throws, so a hostile or broken
 * payload cannot take the host down.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  log: (line: string) => void = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail(appError('unknown-channel', `fleetdesk has no operation called "${String(channel).slice(0, 60)}".`));
  }
  const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
  const parsed = CONTRACT[channel].request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
    return fail(appError('invalid-payload', `The request for ${channel} was refused: ${issue?.message ?? 'invalid'}${where}.`));
  }
  try {
    return ok(await handler(parsed.data));
  } catch (err) {
    const error = toAppError(err);
    if (error.kind === 'internal') log(`[ipc] ${channel} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fail(error);
  }
}
