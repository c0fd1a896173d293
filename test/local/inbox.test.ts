import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNSClient } from '@aws-sdk/client-sns';
import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalInbox, startInbox } from '../../local/inbox.ts';
import { notifierFromEnv, SmtpNotifier } from '../../local/smtp-notifier.ts';
import { SnsNotifier } from '../../shared/adapters/sns/notifier.ts';
import { type ProcessedUpload, renderEmail } from '../../shared/render/email.ts';

const upload: ProcessedUpload = {
  reportId: '2022-d8c927ee9d',
  versionId: '2026-11-29T06:00:00.000Z_0f6c1dd3',
  agency: '黑龙江省工业和信息化厅',
  year: 2022,
  identified: true,
  bucket: 'nianbao-local',
  objectKey: 'uploads/报告 2022.txt',
  fileName: '报告 2022.txt',
  status: 'error',
  counts: { error: 1, warning: 0, info: 0 },
  findings: [
    {
      change: 'new',
      finding: {
        ruleId: 'K-T3-ROW-TOTAL',
        severity: 'error',
        category: 'consistency',
        message: '表三“本年新收政府信息公开申请数量”行：合计 = 13，但“总计”为 12，相差 1。',
        cells: ['s3.new_received.total'],
        expected: 13,
        actual: 12,
      },
    },
  ],
  resolved: [],
};

let dir: string;
let inbox: LocalInbox;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-inbox-'));
  inbox = await startInbox({ smtpPort: 0, webPort: 0, directory: dir });
});
afterEach(async () => {
  await inbox.close();
  await rm(dir, { recursive: true, force: true });
});

const getJson = async (url: string) => (await fetch(url)).json() as Promise<unknown>;

describe('SmtpNotifier → local inbox', () => {
  it('delivers exactly the email an SNS email subscriber gets, kept as JSON on disk', async () => {
    const notifier = new SmtpNotifier({
      url: inbox.smtpUrl,
      from: 'nianbao@localhost',
      to: ['a@localhost', 'b@localhost'],
      render: { apiUrl: 'http://127.0.0.1:3000' },
    });
    await notifier.publish(upload);
    notifier.close();
    const expected = renderEmail(upload, { apiUrl: 'http://127.0.0.1:3000' });
    const messages = (await getJson(inbox.apiUrl)) as {
      id: string;
      subject: string;
      from: string;
      to: string[];
      text: string;
      date: string;
    }[];
    expect(messages).toHaveLength(1);
    const [m] = messages;
    expect(m).toMatchObject({ subject: expected.subject, from: 'nianbao@localhost', to: ['a@localhost', 'b@localhost'] });
    expect(m!.text.trimEnd()).toBe(expected.text.trimEnd());
    expect(m!.text).toContain('[K-T3-ROW-TOTAL] 表三行总计不符');
    expect(m!.subject).toBe('[nianbao] 2022 report: 1 error (id 2022-d8c927ee9d)');
    expect(Number.isNaN(Date.parse(m!.date))).toBe(false);
    expect(await readdir(dir)).toEqual([`${m!.id}.json`]);
    expect(await getJson(`${inbox.apiUrl}/${m!.id}`)).toEqual(m);
  });

  it('shows messages as escaped HTML and answers 404 for unknown ids', async () => {
    const transport = createTransport({ host: '127.0.0.1', port: Number(new URL(inbox.smtpUrl).port), ignoreTLS: true });
    await transport.sendMail({ from: 'x@localhost', to: 'y@localhost', subject: '<script>alert(1)</script>', text: '机关：<b>&</b>' });
    transport.close();
    const list = await (await fetch(inbox.url)).text();
    expect(list).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(list).not.toContain('<script>');
    const [m] = (await getJson(inbox.apiUrl)) as { id: string }[];
    const page = await (await fetch(`${inbox.url}/messages/${m!.id}`)).text();
    expect(page).toContain('机关：&lt;b&gt;&amp;&lt;/b&gt;');
    expect((await fetch(`${inbox.url}/messages/nope`)).status).toBe(404);
    expect((await fetch(`${inbox.apiUrl}/..%2F..%2Fetc`)).status).toBe(404);
  });

  it('keeps messages across a restart', async () => {
    const notifier = new SmtpNotifier({ url: inbox.smtpUrl, from: 'nianbao@localhost', to: ['a@localhost'] });
    await notifier.publish(upload);
    await notifier.publish({ ...upload, counts: { error: 0, warning: 0, info: 0 }, status: 'ok', findings: [] });
    notifier.close();
    await inbox.close();
    inbox = await startInbox({ smtpPort: 0, webPort: 0, directory: dir });
    const subjects = ((await getJson(inbox.apiUrl)) as { subject: string }[]).map((m) => m.subject);
    expect(subjects).toEqual([
      '[nianbao] 2022 report: 1 error (id 2022-d8c927ee9d)',
      '[nianbao] 2022 report: no problems (id 2022-d8c927ee9d)',
    ]);
  });
});

describe('notifierFromEnv', () => {
  it.each([
    [{}, SnsNotifier],
    [{ NIANBAO_NOTIFIER: 'sns' }, SnsNotifier],
    [{ NIANBAO_NOTIFIER: 'smtp', NIANBAO_SMTP_URL: 'smtp://127.0.0.1:2525' }, SmtpNotifier],
  ])('%j', (env, kind) => {
    const sns = new SNSClient({ region: 'us-east-1' });
    expect(notifierFromEnv({ TOPIC_ARN: 'arn:aws:sns:us-east-1:1:t', ...env }, { sns })).toBeInstanceOf(kind);
  });

  it('rejects an incomplete configuration', () => {
    expect(() => notifierFromEnv({ NIANBAO_NOTIFIER: 'smtp' }, {})).toThrow();
    expect(() => notifierFromEnv({ NIANBAO_NOTIFIER: 'carrier-pigeon', TOPIC_ARN: 'x' }, {})).toThrow();
    expect(() => notifierFromEnv({ TOPIC_ARN: 'arn:aws:sns:us-east-1:1:t' }, {})).toThrow(/SNS client/);
  });
});
