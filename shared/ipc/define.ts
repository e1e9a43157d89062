import type { z } from 'zod';

/** A request/response channel: the zod schema of what the renderer sends and what main returns. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  result: Res;
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, result: Res): ChannelDef<Req, Res> {
  return { request, result };
}
