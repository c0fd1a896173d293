import { describe, expect, it } from 'vitest';
import { type ProcessedUpload, renderEmail, renderSns, renderSubject, SNS_MAX_BYTES } from '../../shared/render/email.ts';
import type { Finding } from '../../shared/report/model.ts';
import { countBySeverity, statusOf } from '../../shared/report/status.ts';

const f = (ruleId: string, severity: Finding['severity'], message: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId,
  severity,
  category: 'consistency',
  message,
  ...extra,
});

function upload(findings: Finding[], more: Partial<ProcessedUpload> = {}): ProcessedUpload {
  const counts = countBySeverity(findings);
  return {
    reportId: '2022-ab12cd34ef',
    versionId: '2026-11-29T06:00:00.000Z_0a1b2c3d',
    agency: '黑龙江省工业和信息化厅',
    year: 2022,
    identified: true,
    bucket: 'nianbao-uploads',
    objectKey: 'uploads/2022/黑龙江省工业和信息化厅 2022年报.txt',
    fileName: '黑龙江省工业和信息化厅 2022年报.txt',
    status: statusOf(counts),
    counts,
    findings: findings.map((finding) => ({ finding, change: 'new' as const })),
    resolved: [],
    ...more,
  };
}

const sample = [
  f('X-TEST-COLUMN', 'error', '表三第一行各列之和为 11，总计栏为 12。', {
    suspect: 's3.new_received.total',
    cells: ['s3.new_received.total'],
  }),
  f('X-TEST-ROW', 'error', '第二行\n跨行的说明', { source: { line: 50 } }),
  f('X-TEST-GROUP', 'error', '第三条'),
  f('C-SECTION-EMPTY', 'warning', '第五部分没有内容。'),
  f('C-SECTION-HEADING-VARIANT', 'info', '章节标题与模板不同。'),
];

describe('renderSubject', () => {
  it.each([
    [upload(sample), '[nianbao] 2022 report: 3 errors, 1 warning (id 2022-ab12cd34ef)'],
    [upload([sample[3]!]), '[nianbao] 2022 report: 1 warning (id 2022-ab12cd34ef)'],
    [upload([sample[4]!]), '[nianbao] 2022 report: no problems (id 2022-ab12cd34ef)'],
    [
      upload([sample[2]!], { identified: false, year: null, agency: null, reportId: 'u-0123456789' }),
      '[nianbao] unidentified upload: 1 error (id u-0123456789)',
    ],
  ])('is ASCII, one line, under 100 characters', (u, subject) => {
    expect(renderSubject(u)).toBe(subject);
    expect(subject).toMatch(/^[\x20-\x7e]{1,99}$/);
  });
});

describe('renderSns', () => {
  it('carries the email, the JSON payload and the filter attributes', () => {
    const message = renderSns(upload(sample), { apiUrl: 'https://api.example.test/prod/' });
    expect(message.MessageStructure).toBe('json');
    expect(message.MessageAttributes).toEqual({
      severity: { DataType: 'String', StringValue: 'error' },
      year: { DataType: 'Number', StringValue: '2022' },
      agency: { DataType: 'String', StringValue: '黑龙江省工业和信息化厅' },
      ruleIds: {
        DataType: 'String.Array',
        StringValue: '["C-SECTION-EMPTY","C-SECTION-HEADING-VARIANT","X-TEST-COLUMN","X-TEST-GROUP","X-TEST-ROW"]',
      },
    });
    const bodies = JSON.parse(message.Message) as Record<string, string>;
    expect(Object.keys(bodies).sort()).toEqual(['default', 'email']);
    const email = bodies.email!;
    expect(email).toContain('机关：黑龙江省工业和信息化厅');
    expect(email).toContain('年度：2022');
    expect(email).toContain('结果：错误 3 条，警告 1 条，提示 1 条');
    expect(email).toContain('请先修改以下错误（3 条，归并为 3 项）：');
    expect(email).toContain('1. [X-TEST-COLUMN]：表三第一行各列之和为 11，总计栏为 12。（可疑单元格：s3.new_received.total）');
    expect(email).toContain('2. [X-TEST-ROW]：第二行 跨行的说明（第 50 行）');
    expect(email).toContain('请核实以下警告（1 条，归并为 1 项）：\n1. [C-SECTION-EMPTY] 章节没有内容：第五部分没有内容。');
    expect(email).toContain('提示 1 条（供参考，不必修改）：C-SECTION-HEADING-VARIANT');
    expect(email).toContain('查看报告页面（表格中标出有问题的单元格）：\nhttps://api.example.test/prod/reports/2022-ab12cd34ef/view');
    expect(email).toContain('这是该报告的第一个版本。');
    const payload = JSON.parse(bodies.default!);
    expect(payload).toMatchObject({
      reportId: '2022-ab12cd34ef',
      severity: 'error',
      counts: { error: 3, warning: 1, info: 1 },
      omitted: { error: 0, warning: 0, info: 0 },
    });
    expect(payload.findings).toHaveLength(5);
    expect(payload.api).toEqual({
      method: 'GET',
      path: '/reports/2022-ab12cd34ef',
      url: 'https://api.example.test/prod/reports/2022-ab12cd34ef',
      view: '/reports/2022-ab12cd34ef/view',
    });
  });

  it('lists new and resolved findings relative to the previous version', () => {
    const u = upload(sample.slice(0, 2), {
      previousVersionId: '2026-11-28T06:00:00.000Z_ffffffff',
      findings: [
        { finding: sample[0]!, change: 'unchanged' },
        { finding: sample[1]!, change: 'new' },
      ],
      resolved: [f('C-ROW-MISSING', 'error', '表三缺少第 6 行。')],
    });
    const { subject, text } = renderEmail(u);
    expect(subject).toBe('[nianbao] 2022 report: 2 errors (id 2022-ab12cd34ef)');
    expect(text).toContain('与上一版本相比：新增 1 条，已解决 1 条，未变 1 条');
    expect(text).toContain('第二行 跨行的说明（第 50 行） 【新增 1 条】');
    expect(text).not.toContain('总计栏为 12。（可疑单元格：s3.new_received.total） 【新增');
    expect(text).toContain('已解决 1 条（与上一版本相比）：C-ROW-MISSING');
    expect(text).toContain('GET /reports/2022-ab12cd34ef/view');
  });

  it('groups the findings of one rule on one table into one line that names every rule id', () => {
    const cells = ['natural', 'commercial', 'total'].map((c) => `s3.granted.${c}`);
    const blanks = cells.map((key) => f('C-CELL-BLANK', 'warning', `${key} 空白。`, { cells: [key] }));
    const text = renderEmail(upload([...blanks, f('K-T4-TOTAL-BLANK', 'warning', '表四总计空白。', { cells: ['s4.review.total'] })])).text;
    expect(text).toContain(
      '1. [C-CELL-BLANK] 单元格空白（表三，3 处）：s3.granted.natural 空白。 s3.granted.commercial 空白。 s3.granted.total 空白。',
    );
    expect(text).toContain('2. [K-T4-TOTAL-BLANK] 表四总计空白：表四总计空白。');
    expect(text.split('\n').filter((l) => /^\d+\. \[/.test(l))).toHaveLength(2);
  });

  it('summarizes thousands of findings under the SNS limit without cutting a line', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      f(
        `X-TEST-${i}`,
        i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info',
        `单元格 s3.row${i}.total 的内容“${'很长的说明'.repeat(20)}”不是数字。`,
      ),
    );
    const message = renderSns(upload(many));
    const size =
      Buffer.byteLength(message.Message) +
      Buffer.byteLength(message.Subject) +
      Object.entries(message.MessageAttributes).reduce(
        (n, [k, a]) => n + k.length + a.DataType.length + Buffer.byteLength(a.StringValue),
        0,
      );
    expect(size).toBeLessThanOrEqual(SNS_MAX_BYTES);
    const { email, default: payload } = JSON.parse(message.Message) as { email: string; default: string };
    const lines = email.split('\n');
    const listed = lines.filter((l) => /^\d+\. \[X-TEST-/.test(l));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((l) => l.endsWith('不是数字。'))).toBe(true);
    const perSeverity = listed.length / 2;
    expect(email).toContain('请先修改以下错误（1000 条，归并为 1000 项）：');
    expect(email).toContain(`……另有 ${1000 - perSeverity} 项，见报告页面`);
    expect(email).toContain('提示 1000 条（供参考，不必修改）：X-TEST-2、');
    expect(JSON.parse(payload).omitted).toEqual({ error: 1000 - perSeverity, warning: 1000 - perSeverity, info: 1000 - perSeverity });
  });
});

describe('a message that starts with its rule title', () => {
  it('says the title once in the email line (racing uploads made it "文件已损坏或无法读取：文件已损坏或无法读取：")', () => {
    const unreadable: Finding = {
      ruleId: 'I-UNREADABLE',
      severity: 'error',
      category: 'input',
      message: '文件已损坏或无法读取：ZIP 压缩结构无效（Word 文档可能已损坏）。',
    };
    const text = renderEmail(upload([unreadable], { identified: false, year: null, agency: null, reportId: 'u-0123456789' })).text;
    expect(text).toContain('1. [I-UNREADABLE] 文件已损坏或无法读取：ZIP 压缩结构无效（Word 文档可能已损坏）。');
    expect(text).not.toContain('文件已损坏或无法读取：文件已损坏或无法读取');
  });
});

describe('report text never reaches a header (issue 18)', () => {
  const hostile = 'X\r\nBcc: attacker@example.com\r\nSubject: 伪造<script>alert(1)</script>';
  const base = upload(
    [f('X-TEST-COLUMN', 'error', `${hostile} 表三`), { ruleId: 'I-NOT-A-REPORT', severity: 'error', category: 'input', message: hostile }],
    { agency: hostile, fileName: hostile, objectKey: `uploads/${hostile}.txt` },
  );

  it.each([
    ['identified', base, '[nianbao] 2022 report: 2 errors (id 2022-ab12cd34ef)'],
    [
      'unidentified',
      { ...base, identified: false, year: null, reportId: 'u-0123456789' },
      '[nianbao] unidentified upload: 2 errors (id u-0123456789)',
    ],
    [
      're-evaluated',
      { ...base, evaluation: { kind: 'revalidate' as const, rulesetVersion: hostile } },
      '[nianbao] 2022 report re-evaluated: 2 errors (id 2022-ab12cd34ef)',
    ],
  ])('the subject of an %s upload is built from ASCII fields only', (_, u, subject) => {
    expect(renderSubject(u)).toBe(subject);
    expect(renderSns(u).Subject).toBe(subject);
    expect(renderEmail(u).subject).toBe(subject);
  });

  it('a forged id cannot add a header line either (the guard)', () => {
    const subject = renderSubject({ ...base, reportId: '2022-x\r\nBcc: a@b.c' });
    expect(subject).toBe('[nianbao] 2022 report: 2 errors (id 2022-x??Bcc: a@b.c)');
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
  });

  it('control characters of the key and the agency stay on their body line, shown as \\xNN', () => {
    const text = renderEmail(base).text;
    expect(text).toContain(
      '文件：uploads/X\\x0d\\x0aBcc: attacker@example.com\\x0d\\x0aSubject: 伪造<script>alert(1)</script>.txt（存储桶 nianbao-uploads）',
    );
    expect(text).toContain('机关：X\\x0d\\x0aBcc: attacker@example.com\\x0d\\x0aSubject: 伪造<script>alert(1)</script>    年度：2022');
    expect(text.split('\n').filter((line) => line.startsWith('Bcc:'))).toEqual([]);
  });
});
