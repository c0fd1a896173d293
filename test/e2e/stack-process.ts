/**
 * The local stack as a child process for end-to-end tests: `npx tsx local/start.ts` in its
 * own process group (so stopping it leaves no orphan: npx, tsx and node all get the signal), every
 * port 0, a temporary data directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Endpoints, EndpointsSchema } from '../../local/config.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StackProcess {
  child: ChildProcess;
  dataDir: string;
  endpoints: Endpoints;
  stdout(): string;
  stderr(): string;
  /**
   * SIGTERM to the stack's node process (endpoints.json names it), as Ctrl-C / a supervisor would;
   * resolves with the exit code npx passes on (null if it was killed by a signal).
   */
  stop(timeoutMs?: number): Promise<number | null>;
  /** Whether any process of the group is still alive. */
  groupAlive(): boolean;
  /** SIGKILL to the whole group (no cleanup, as a crash or a power cut); resolves when it is gone. */
  crash(): Promise<void>;
  cleanup(): Promise<void>;
}

export function stackEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NIANBAO_S3_PORT: '0',
    NIANBAO_DYNAMODB_PORT: '0',
    NIANBAO_API_PORT: '0',
    NIANBAO_SMTP_PORT: '0',
    NIANBAO_INBOX_PORT: '0',
    NIANBAO_DATA_DIR: dataDir,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startStackProcess(
  readyTimeoutMs = 45_000,
  /** An existing data directory (a restart); default a new temporary one. */
  existingDataDir?: string,
  extraEnv: Record<string, string> = {},
): Promise<StackProcess> {
  const dataDir = existingDataDir ?? (await mkdtemp(join(tmpdir(), 'nianbao-e2e-')));
  const child = spawn('npx', ['tsx', 'local/start.ts'], {
    cwd: ROOT,
    env: stackEnv(dataDir, extraEnv),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pid = child.pid!;

  const kill = () => {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`no "nianbao ready" within ${readyTimeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
    }, readyTimeoutMs);
    const check = () => {
      if (/^nianbao ready/m.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited (${code}) before it was ready\nstdout:\n${out}\nstderr:\n${err}`));
    });
  });
  const endpoints = EndpointsSchema.parse(JSON.parse(await readFile(join(dataDir, 'endpoints.json'), 'utf8')));

  return {
    child,
    dataDir,
    endpoints,
    stdout: () => out,
    stderr: () => err,
    groupAlive: () => groupAlive(pid),
    async crash() {
      kill();
      await exited;
      for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    },
    async stop(timeoutMs = 15_000) {
      process.kill(endpoints.pid ?? -pid, 'SIGTERM');
      const timer = setTimeout(kill, timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      // npx may exit before its grandchild has finished closing: give the group a moment.
      for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      return code;
    },
    async cleanup() {
      kill();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a project script (`npx tsx FILE ARGS`) to completion. */
export function runScript(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), file, ...args], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`${file} did not finish within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
