import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests start real HTTP simulators and a real keyring: keep them apart.
    pool: 'forks',
    // Processed by vitest (not loaded by Node directly), so the shell test's electron mock reaches it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
