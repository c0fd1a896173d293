/**
 * The messages of the local inbox: one JSON file per message under `<dataDir>/mail/`, named by a
 * sortable id, so they survive a restart and `ls` shows them in order.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const MailMessageSchema = z.object({
  id: z.string().regex(/^[0-9A-Za-z-]+$/),
  subject: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  /** ISO-8601. */
  date: z.string(),
  text: z.string(),
});
export type MailMessage = z.infer<typeof MailMessageSchema>;

const ID = /^[0-9A-Za-z-]+$/;

export class MailStore {
  private counter = 0;

  constructor(readonly directory: string) {}

  /** Sortable: receive time in ms, a counter for messages of the same ms, a random suffix. */
  private nextId(now: Date): string {
    this.counter = (this.counter + 1) % 10000;
    return `${String(now.getTime()).padStart(15, '0')}-${String(this.counter).padStart(4, '0')}-${randomBytes(3).toString('hex')}`;
  }

  async add(message: Omit<MailMessage, 'id'>, now = new Date()): Promise<MailMessage> {
    await mkdir(this.directory, { recursive: true });
    const stored = MailMessageSchema.parse({ id: this.nextId(now), ...message });
    await writeFile(join(this.directory, `${stored.id}.json`), `${JSON.stringify(stored, null, 2)}\n`);
    return stored;
  }

  /** Oldest first. Files that are not messages are skipped. */
  async list(): Promise<MailMessage[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return [];
    }
    const out: MailMessage[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const message = await this.read(name.slice(0, -'.json'.length));
      if (message) out.push(message);
    }
    return out;
  }

  async get(id: string): Promise<MailMessage | undefined> {
    return ID.test(id) ? this.read(id) : undefined;
  }

  private async read(id: string): Promise<MailMessage | undefined> {
    try {
      const parsed = MailMessageSchema.safeParse(JSON.parse(await readFile(join(this.directory, `${id}.json`), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
