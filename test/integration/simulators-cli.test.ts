import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { FleetError } from '../../shared/errors';
import { AbsoluteClient } from '../../electron/vendors/absolute/client';
import { AlgosecClient } from '../../electron/vendors/algosec/client';
import { InsidersClient } from '../../electron/vendors/insiders/client';
import { TelemetronClient } from '../../electron/vendors/telemetron/client';

/** `npm run simulators` as a technician or a test harness uses it: one JSON line, then serving until stopped. */
let child: ChildProcess | null = null;

async function startCli(args: string[]): Promise<Record<string, Record<string, string>>> {
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulators.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)));
    });
    child!.on('exit', (code) => reject(new Error(`simulators exited with ${code}: ${stderr}`)));
  });
}

async function stopCli(): Promise<number | null> {
  const c = child;
  child = null;
  if (!c || c.exitCode !== null) return c?.exitCode ?? null;
  return new Promise((resolve) => {
    c.once('exit', (code) => resolve(code));
    c.kill('SIGTERM');
  });
}

afterEach(async () => {
  await stopCli();
});

const noRetries = { http: { maxRetries: 0 } };

describe('npm run simulators', () => {
  it('prints exactly the documented keys, and every client works with what it printed', async () => {
    const info = await startCli(['--devices', '400', '--seed', '3']);
    expect(Object.keys(info)).toEqual(['absolute', 'telemetron', 'insiders', 'algosec']);
    expect(Object.keys(info.absolute!).sort()).toEqual(['region', 'tokenId', 'tokenSecret', 'url']);
    expect(Object.keys(info.telemetron!).sort()).toEqual(['apiKey', 'url']);
    expect(Object.keys(info.insiders!).sort()).toEqual(['clientId', 'clientSecret', 'password', 'tokenUrl', 'url', 'username']);
    expect(Object.keys(info.algosec!).sort()).toEqual(['password', 'url', 'username']);
    for (const v of Object.values(info)) expect(v.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const a = info.absolute!;
    const absolute = new AbsoluteClient({ region: a.region as 'cadc', tokenId: a.tokenId!, tokenSecret: a.tokenSecret!, baseUrl: a.url });
    const devices = await absolute.listDevices();
    // Most of the 400 physical devices are enrolled in Absolute (the demo leaves a few out on purpose).
    expect(devices.length).toBeGreaterThan(300);
    expect(devices.length).toBeLessThanOrEqual(400);

    const i = info.insiders!;
    const insiders = new InsidersClient({ baseUrl: i.url!, tokenUrl: i.tokenUrl!, username: i.username!, password: i.password!, clientId: i.clientId!, clientSecret: i.clientSecret! });
    expect((await insiders.listFleet()).length).toBeGreaterThan(300);

    const algosec = new AlgosecClient({ baseUrl: info.algosec!.url!, username: info.algosec!.username!, password: info.algosec!.password! });
    expect((await algosec.listDevices()).length).toBeGreaterThan(100);

    const telemetron = new TelemetronClient({ baseUrl: info.telemetron!.url!, apiKey: info.telemetron!.apiKey! });
    // A customer nobody created is "not found", which proves the key was accepted.
    await expect(telemetron.queryCustomer('nobody-here@example.com')).resolves.toBeNull();

    expect(await stopCli()).toBe(0);
  });

  it('switches on clock skew at Absolute and a 423 window at AlgoSec', async () => {
    const info = await startCli(['--devices', '50', '--clock-skew', '3600', '--locked', '120']);
    const a = info.absolute!;
    const absolute = new AbsoluteClient({ region: 'cadc', tokenId: a.tokenId!, tokenSecret: a.tokenSecret!, baseUrl: a.url }, noRetries);
    const skew = await absolute.testConnection().catch((e: unknown) => e);
    expect(skew).toBeInstanceOf(FleetError);
    expect((skew as FleetError).detail.kind).toBe('clock-skew');

    const algosec = new AlgosecClient({ baseUrl: info.algosec!.url!, username: info.algosec!.username!, password: info.algosec!.password! }, noRetries);
    const [first] = await algosec.listDevices();
    const locked = await algosec.createGroup('Probe', [first!.displayName]).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(FleetError);
    expect((locked as FleetError).detail.kind).toBe('locked');
    expect((locked as FleetError).detail.status).toBe(423);
  });

  it('refuses a fault switch that is not a number, in one clear line', async () => {
    await expect(startCli(['--rate429', 'lots'])).rejects.toThrow(/--rate429 needs a number, not "lots"/);
  });
});
