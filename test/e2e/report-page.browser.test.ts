/**
 * The report page in a real browser (issue 16, "Checked by"): the HTML that `nianbao check FILE
 * --html OUT.html` writes, built by the product's own code, loaded into Chromium. For the seed
 * report, a report with arithmetic errors and a hostile report (markup in its title and prose):
 * no page error, exactly the cells the findings name are marked (worst severity wins), nothing
 * from the report runs as script, and a full-page screenshot in test-artifacts/ for a person.
 * Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium): missing, the test fails, never skips.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITY_ORDER, type Severity } from '../../shared/report/model.ts';
import { type CheckResult, checkBytes } from '../../shared/usecases/check.ts';
import { checkPage } from '../../shared/usecases/view.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const TIMEOUT = 60_000;

const XSS_SCRIPT = '<script>window.__xss=1</script>';
const XSS_IMG = '"><img src=x onerror="window.__xss=2">';

/** The zhujian report with markup in its title line (kept ≤ 60 characters, so it stays the title) and in section 一. */
function hostile(text: string): string {
  const lines = text.split('\n');
  expect(lines[0]).toBe('某县住房和城乡建设局2021年政府信息公开工作年度报告');
  lines[0] = `某县住房和城乡建设局2021年${XSS_SCRIPT}政府信息公开工作年度报告`;
  const s1 = lines.findIndex((l) => l.startsWith('2021年，我局'));
  expect(s1).toBeGreaterThan(0);
  lines[s1] = `${lines[s1]}${XSS_SCRIPT}${XSS_IMG}`;
  return lines.join('\n');
}

interface Case {
  name: 'seed' | 'arith-error' | 'hostile';
  file: string;
  transform?: (text: string) => string;
}

const CASES: Case[] = [
  { name: 'seed', file: 'test/fixtures/seed/heilongjiang-gxt-2022.txt' },
  { name: 'arith-error', file: 'test/fixtures/formats/zhujian-2023-arith-error.txt' },
  { name: 'hostile', file: 'test/fixtures/formats/zhujian-2021-ed2021.txt', transform: hostile },
];

/** What a case's page is built from and what the browser made of it. */
interface Loaded {
  result: CheckResult;
  page: Page;
  /** Uncaught exceptions and console errors. */
  errors: string[];
}

/** The in-page view of a table cell (typed here: the project's TS config has no DOM library). */
interface CellElement {
  getAttribute(name: string): string | null;
  classList: { contains(token: string): boolean };
}

/** Per cell key, the worst severity of the findings naming it, and the rule ids naming it. */
function expectedMarks(result: CheckResult) {
  const named = new Map<string, { severities: Set<Severity>; rules: Set<string> }>();
  for (const f of result.findings) {
    for (const key of f.cells ?? []) {
      const n = named.get(key) ?? { severities: new Set<Severity>(), rules: new Set<string>() };
      n.severities.add(f.severity);
      n.rules.add(f.ruleId);
      named.set(key, n);
    }
  }
  const worst: Record<string, Severity> = {};
  for (const [key, n] of named) worst[key] = SEVERITY_ORDER.find((s) => n.severities.has(s))!;
  const suspects = [...new Set(result.findings.flatMap((f) => (f.suspect ? [f.suspect] : [])))].sort();
  return { worst, rules: named, suspects };
}

/** Every drawn table cell: its key, its mark (if any), whether it is flagged suspect, its hover text. */
async function drawnCells(page: Page) {
  return page.$$eval(
    'td[data-key]',
    (tds: CellElement[], severities: readonly string[]) =>
      tds.map((td) => ({
        key: td.getAttribute('data-key') ?? '',
        mark: severities.find((s) => td.classList.contains(`mark-${s}`)),
        suspect: td.classList.contains('suspect'),
        title: td.getAttribute('title') ?? '',
      })),
    SEVERITY_ORDER,
  );
}

describe('report page in Chromium', () => {
  let browser: Browser;
  const loaded = new Map<Case['name'], Loaded>();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium fonts-wqy-zenhei, as .ci/run does) or set CHROMIUM_PATH`,
      );
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    await mkdir(ARTIFACTS, { recursive: true });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  /** Checks the case's file, renders its page and loads it into a fresh page of the browser. */
  async function load(c: Case): Promise<Loaded> {
    const text = await readFile(join(ROOT, c.file), 'utf8');
    const bytes = new TextEncoder().encode(c.transform ? c.transform(text) : text);
    const fileName = `${c.name}.txt`;
    const result = await checkBytes(bytes, { fileName });
    expect(result.report, `${c.file} should be recognized as a report`).toBeDefined();
    const html = checkPage(fileName, result);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: join(ARTIFACTS, `report-page-${c.name}.png`), fullPage: true });
    const l = { result, page, errors };
    loaded.set(c.name, l);
    return l;
  }

  it.each(CASES)(
    '$name: loads without errors and marks exactly the cells its findings name',
    async (c) => {
      const { result, page, errors } = await load(c);
      try {
        expect(errors).toEqual([]);
        expect(await page.locator('script').count()).toBe(0);
        const want = expectedMarks(result);
        const cells = await drawnCells(page);
        expect(cells.length).toBeGreaterThan(0);
        // Every cell a finding names is drawn (a named cell missing from the grid would be invisible).
        const drawn = new Set(cells.map((x) => x.key));
        expect(Object.keys(want.worst).filter((k) => !drawn.has(k))).toEqual([]);
        // The marked cells are exactly the named ones, each with the worst severity naming it.
        const marked = Object.fromEntries(cells.flatMap((x) => (x.mark ? [[x.key, x.mark]] : [])));
        expect(marked).toEqual(want.worst);
        expect(cells.filter((x) => x.suspect).map((x) => x.key)).toEqual(want.suspects);
        // The hover text of a marked cell names every rule that names the cell.
        for (const x of cells.filter((y) => y.mark)) {
          for (const rule of want.rules.get(x.key)!.rules) expect(x.title, x.key).toContain(`[${rule}]`);
        }
        if (c.name === 'arith-error') expect(Object.values(marked)).toContain('error');
      } finally {
        if (c.name !== 'hostile') await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'hostile: the report markup is shown as text and never runs',
    async () => {
      const l = loaded.get('hostile') ?? (await load(CASES[2]!));
      const { page, errors } = l;
      try {
        expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('img[onerror]').count()).toBe(0);
        expect(await page.locator('img').count()).toBe(0);
        const body = (await page.textContent('body')) ?? '';
        expect(body).toContain(XSS_SCRIPT);
        expect(body).toContain(XSS_IMG);
        // The title line reached the page heading as text.
        expect(await page.textContent('h1')).toContain(XSS_SCRIPT);
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    TIMEOUT,
  );
});
