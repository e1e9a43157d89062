import { expect } from 'vitest';
import { FleetError, type AppError } from '../../shared/errors';

/** The typed error a call failed with (what the user is shown); fails the test when the call succeeds or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FleetError);
  return (err as FleetError).detail;
}
