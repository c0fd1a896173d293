/**
 * HTML in a report appears as text in every output (issue 18, deliverable 4): a report whose
 * prose, file name and key carry markup is stored and shown with the markup as characters — the
 * email (plain text, ASCII subject), the API (JSON strings), the report page (escaped: no element
 * of the upload's making).
 */
import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { escapeHtml } from '../../shared/render/page.ts';
import { reportIdOf } from '../../shared/usecases/records.ts';
import { startTestStack, type TestStack } from './stack-harness.ts';

const MARKUP = `<script>alert("年报")</script><img src=x onerror=alert(1)>`;
const FILE_NAME = `<b onmouseover="alert(1)">年报.txt`;
const KEY = `uploads/xss/${FILE_NAME}`;
const REPORT_ID = reportIdOf('黑龙江省工业和信息化厅', 2022);

let t: TestStack;
let etag: string;

beforeAll(async () => {
  t = await startTestStack();
  const seed = await readFile(new URL('../fixtures/seed/heilongjiang-gxt-2022.txt', import.meta.url), 'utf8');
  const body = seed.replace('一、总体情况\n\n', `一、总体情况\n\n${MARKUP}本年度`);
  expect(body).toContain(MARKUP);
  const out = await t.clients.s3.send(new PutObjectCommand({ Bucket: t.stack.endpoints.bucket, Key: KEY, Body: body }));
  etag = out.ETag!.replace(/"/g, '');
  const end = Date.now() + 60_000;
  while (
    (await t.clients.repository.processing({ bucket: t.stack.endpoints.bucket, objectKey: KEY, sourceVersion: etag }))?.status !==
    'completed'
  ) {
    if (Date.now() > end) throw new Error('not processed');
    await new Promise((r) => setTimeout(r, 100));
  }
}, 90_000);
afterAll(async () => {
  await t?.cleanup();
});

const get = (path: string) => fetch(`${t.stack.endpoints.api}${path}`);
/** What an HTML page must not contain: an element or attribute the upload made. */
const RAW = ['<script>alert', '<img src=x', '<b onmouseover', 'onerror=alert(1)>'];

describe('markup in an upload is text in every output', () => {
  it('the email: an ASCII subject, the key and prose as plain text', async () => {
    const mails = (await t.mails()).filter((m) => m.text.includes(`文件：${KEY}（`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^\[nianbao\] 2022 report: [0-9a-z ,]+ \(id 2022-[0-9a-f]{10}\)$/);
  });

  it('the API: JSON with the markup as string content', async () => {
    const response = await get(`/reports/${REPORT_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const detail = z
      .object({ file: z.object({ key: z.string() }), sections: z.array(z.object({ text: z.string() })) })
      .parse(await response.json());
    expect(detail.file.key).toBe(KEY);
    expect(detail.sections.some((s) => s.text.includes(MARKUP))).toBe(true);
  });

  it('the report page: escaped, no element of the upload', async () => {
    const response = await get(`/reports/${REPORT_ID}/view`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    for (const raw of RAW) expect(html).not.toContain(raw);
    expect(html).toContain(escapeHtml(MARKUP));
    expect(html).toContain(escapeHtml(FILE_NAME));
    expect(escapeHtml(FILE_NAME)).toMatch(/^&lt;b onmouseover=&(quot|#34);alert\(1\)&(quot|#34);&gt;年报\.txt$/);
  });
});
