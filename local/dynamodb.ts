/**
 * The DynamoDB-compatible server of the local stack (dynalite, persisted under a directory so data
 * survives a restart) and the table, created from the one definition shared with CDK.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../shared/adapters/dynamodb/table-definition.ts';
import { DYNALITE_CREDENTIALS, LOCAL_REGION } from './config.ts';
import { dynalite } from './dynalite.ts';

export interface LocalDynamo {
  url: string;
  close(): Promise<void>;
  /** Stops the server alone (a fault to inject: the stack keeps running without its DynamoDB). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (after stop()). */
  start(): Promise<void>;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    // dynalite's close() also closes its LevelDB store.
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

export async function startDynamo({ port, directory }: { port: number; directory: string }): Promise<LocalDynamo> {
  await mkdir(directory, { recursive: true });
  const create = () => dynalite({ path: directory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let server: Server | undefined = create();
  await listen(server, port);
  const { port: actual } = server.address() as AddressInfo;
  const stop = async () => {
    const running = server;
    server = undefined;
    if (running) await closeServer(running);
  };
  return {
    url: `http://127.0.0.1:${actual}`,
    close: stop,
    stop,
    async start() {
      if (server) return;
      const next = create();
      await listen(next, actual);
      server = next;
    },
  };
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: DYNALITE_CREDENTIALS });
}

/** Creates the table from the shared definition unless it exists. Returns whether it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  return true;
}
