/**
 * Stopping `npm start` (issue 18): a signal to the npm process alone — what a service manager or
 * CI sends — used to stop only npm, leaving the stack running with its ports bound and
 * endpoints.json in place, so that the next start failed with "port 4567 is in use". Now any of
 * SIGTERM, SIGINT, SIGHUP to npm stops the whole stack: every process of the group exits, every
 * port is free, endpoints.json is gone. A stale endpoints.json (its stack killed) is removed at the
 * next start; one of a stack still running refuses the start.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearStaleEndpoints, EndpointsSchema, readEndpoints } from '../../local/config.ts';
import { ROOT, stackEnv } from './stack-process.ts';

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const portOpen = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = createConnection({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a signal to `npm start` stops the whole stack', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    '%s to the npm process',
    async (signal) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'nianbao-signal-'));
      const npm = spawn('npm', ['start'], {
        cwd: ROOT,
        env: stackEnv(dataDir, { NIANBAO_SAMPLES: '0' }),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      npm.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
      npm.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
      const group = npm.pid!;
      try {
        await until('nianbao ready', () => /^nianbao ready/m.test(out), 60_000);
        const endpointsFile = join(dataDir, 'endpoints.json');
        const endpoints = EndpointsSchema.parse(JSON.parse(await readFile(endpointsFile, 'utf8')));
        const urls = [endpoints.s3, endpoints.dynamodb, endpoints.api, endpoints.inbox, endpoints.smtp!.replace('smtp:', 'http:')];
        expect(await Promise.all(urls.map(portOpen))).toEqual(urls.map(() => true));
        expect(endpoints.pid).not.toBe(group);

        process.kill(group, signal); // npm alone, not its group

        await until('every process of the group gone', () => !groupAlive(group), 30_000);
        expect(await exists(endpointsFile)).toBe(false);
        expect(await Promise.all(urls.map(portOpen))).toEqual(urls.map(() => false));
      } finally {
        if (groupAlive(group)) process.kill(-group, 'SIGKILL');
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe('a stale endpoints.json', () => {
  it('is removed when its stack no longer runs, and refuses the start while it does', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nianbao-stale-'));
    const file = join(dataDir, 'endpoints.json');
    const endpoints = (pid: number) => ({
      s3: 'http://127.0.0.1:1',
      bucket: 'b',
      dynamodb: 'http://127.0.0.1:2',
      table: 't',
      api: 'http://127.0.0.1:3',
      inbox: 'http://127.0.0.1:4',
      inboxApi: 'http://127.0.0.1:4/api/messages',
      pid,
    });
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      expect(await clearStaleEndpoints(dataDir)).toBeUndefined();

      await writeFile(file, JSON.stringify(endpoints(sleeper.pid!)));
      await expect(clearStaleEndpoints(dataDir)).rejects.toThrow(`a local stack (pid ${sleeper.pid}) is running on ${dataDir}`);
      expect(await exists(file)).toBe(true);

      expect((await readEndpoints(dataDir)).pid).toBe(sleeper.pid);
      sleeper.kill('SIGKILL');
      await new Promise((r) => sleeper.once('exit', r));
      // `npm run upload` and the other tools say so instead of failing to connect.
      await expect(readEndpoints(dataDir)).rejects.toThrow(`was left by a local stack (pid ${sleeper.pid}) that no longer runs`);
      expect(await clearStaleEndpoints(dataDir)).toBe(sleeper.pid);
      expect(await exists(file)).toBe(false);
    } finally {
      sleeper.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
