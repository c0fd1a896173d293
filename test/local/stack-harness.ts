/**
 * The local stack in this process (local/stack.ts) for the fault and race tests: every port 0, a
 * temporary data directory, no samples; its emails from the inbox's JSON, its clients from its
 * endpoints. Log lines are collected instead of printed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCAL_BUCKET, LOCAL_TABLE, type LocalConfig } from '../../local/config.ts';
import { type MailMessage, MailMessageSchema } from '../../local/mail-store.ts';
import { type LocalStack, type StartOptions, startLocalStack } from '../../local/stack.ts';
import { clientsFor, type LocalClients } from '../../local/uploads.ts';

export interface TestStack {
  stack: LocalStack;
  config: LocalConfig;
  clients: LocalClients;
  logs: string[];
  mails(): Promise<MailMessage[]>;
  /** Closes the stack (not the data directory). */
  close(): Promise<void>;
  /** Closes the stack and removes the data directory. */
  cleanup(): Promise<void>;
}

export const testConfig = (dataDir: string): LocalConfig => ({
  ports: { s3: 0, dynamodb: 0, api: 0, smtp: 0, inbox: 0 },
  dataDir,
  bucket: LOCAL_BUCKET,
  table: LOCAL_TABLE,
  ingestSamples: false,
});

export async function startTestStack(dataDir?: string, options: StartOptions = {}): Promise<TestStack> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'nianbao-stack-')));
  const config = testConfig(dir);
  const logs: string[] = [];
  const stack = await startLocalStack(config, { log: (line) => logs.push(line), logLevel: 'SILENT', ...options });
  const clients = clientsFor(stack.endpoints);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    clients.destroy();
    await stack.close();
  };
  return {
    stack,
    config,
    clients,
    logs,
    async mails() {
      const response = await fetch(stack.endpoints.inboxApi);
      return z.array(MailMessageSchema).parse(await response.json());
    },
    close,
    async cleanup() {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
