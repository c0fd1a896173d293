/**
 * A factory of valid, internally consistent Reports for tests (rules, formats, store, notify).
 *
 *   makeReport({ seed: 7, edition: '2021' })   // a clean report: every template cell, identities
 *                                              // holding, six sections whose texts satisfy the T-* rules
 *   withCells(r, { 's3.granted.natural': 5 })  // copy with cells overridden (undefined deletes a key)
 *   withoutCells(r, 's3.denied.')               // copy without every key starting with a prefix
 *   withSection(r, 5, '……')                     // copy with section 五's text replaced (null removes the section)
 *   withRecognition(r, { editionBasis: 'year' }) // copy with recognition evidence overridden
 *   withReport(r, { year: 2020 })               // copy with top-level fields overridden
 *
 * Deterministic: the same seed and edition always give the same report. Numbers are random but
 * small, tables 三 and 四 are never all zero, and the prose states the table totals
 * (收到申请 N 件, 办结 N 件, 行政复议 N 件 …) so T-NUM-TEXT-TABLE has something to compare.
 */
import { type CellValue, type Recognition, type Report, ReportSchema, type Section } from '../../shared/report/model.ts';
import {
  type Edition,
  outcomeRows,
  SECTION_HEADINGS,
  type SectionNumber,
  T3_APPLICANTS,
  T3_ROWS,
  T4_COLUMNS,
  T4_GROUPS,
  TEMPLATE_TABLES,
  t2Key,
  t3Key,
  t4Key,
} from '../../shared/report/template.ts';

export interface ReportOptions {
  seed?: number;
  edition?: Edition;
  /** Report year; defaults to a year of the edition chosen from the seed. */
  year?: number;
  agency?: string;
}

/** mulberry32: a tiny deterministic PRNG. */
function rng(seed: number): (max: number) => number {
  let a = seed >>> 0;
  return (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(u * (max + 1));
  };
}

const MARKERS: Record<Edition, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '政府集中采购'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额（单位：万元）'],
};

function tableTwo(edition: Edition, r: (max: number) => number): Record<string, number> {
  const c: Record<string, number> = {};
  if (edition === '2021') {
    for (const k of ['issued', 'repealed', 'valid']) c[t2Key('regulations', k)] = 0;
    const issued = 1 + r(20);
    const repealed = r(5);
    c[t2Key('normative', 'issued')] = issued;
    c[t2Key('normative', 'repealed')] = repealed;
    c[t2Key('normative', 'valid')] = issued - repealed + r(80);
    c[t2Key('license', 'decisions')] = r(500);
    c[t2Key('penalty', 'decisions')] = r(100);
    c[t2Key('coercion', 'decisions')] = r(10);
    c[t2Key('fees', 'amount')] = 0;
  } else {
    for (const k of ['made', 'published', 'total']) c[t2Key('regulations', k)] = 0;
    const made = 1 + r(15);
    const published = r(made);
    c[t2Key('normative', 'made')] = made;
    c[t2Key('normative', 'published')] = published;
    c[t2Key('normative', 'total')] = published + r(60);
    for (const row of ['license', 'other_services', 'penalty', 'coercion', 'fees']) {
      const prev = r(40);
      c[t2Key(row, 'prev')] = prev;
      c[t2Key(row, 'delta')] = r(6) - Math.min(3, prev);
      if (row !== 'fees') c[t2Key(row, 'decisions')] = r(300);
    }
    c[t2Key('procurement', 'count')] = r(12);
    c[t2Key('procurement', 'amount')] = r(500) + r(99) / 100;
  }
  return c;
}

function tableThree(edition: Edition, r: (max: number) => number): Record<string, number> {
  const c: Record<string, number> = {};
  const outcomes = outcomeRows(edition);
  for (const a of T3_APPLICANTS) {
    const busy = a === 'natural' || a === 'commercial' || r(3) === 0;
    let processed = 0;
    for (const row of outcomes) {
      let v = busy && r(2) === 0 ? r(row === 'granted' ? 30 : 4) : 0;
      if (a === 'natural' && row === 'granted') v = Math.max(v, 1 + r(20));
      c[t3Key(row, a)] = v;
      processed += v;
    }
    const carriedOver = busy ? r(3) : 0;
    const carriedForward = busy ? r(3) : 0;
    c[t3Key('total_processed', a)] = processed;
    c[t3Key('carried_over', a)] = carriedOver;
    c[t3Key('carried_forward', a)] = carriedForward;
    const received = processed + carriedForward - carriedOver;
    if (received < 0) {
      c[t3Key('carried_forward', a)] = carriedForward - received;
      c[t3Key('new_received', a)] = 0;
    } else {
      c[t3Key('new_received', a)] = received;
    }
  }
  for (const row of T3_ROWS[edition]) {
    c[t3Key(row.key, 'total')] = T3_APPLICANTS.reduce((s, a) => s + c[t3Key(row.key, a)]!, 0);
  }
  return c;
}

function tableFour(r: (max: number) => number): Record<string, number> {
  const c: Record<string, number> = {};
  for (const g of T4_GROUPS) {
    let total = 0;
    for (const col of T4_COLUMNS) {
      if (col.key === 'total') continue;
      const v = g.key === 'review' && col.key === 'upheld' ? 1 + r(3) : r(2);
      c[t4Key(g.key, col.key)] = v;
      total += v;
    }
    c[t4Key(g.key, 'total')] = total;
  }
  return c;
}

function texts(edition: Edition, year: number, agency: string, c: Record<string, number>): Record<SectionNumber, string> {
  const total = (row: string) => c[t3Key(row, 'total')]!;
  const lit = c[t4Key('litigation_direct', 'total')]! + c[t4Key('litigation_after_review', 'total')]!;
  return {
    1:
      `${year} 年，${agency}认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。\n` +
      `（一）主动公开。及时公开机构职能、政策文件等信息。\n` +
      `（二）依申请公开。全年共收到政府信息公开申请 ${total('new_received')} 件，上年结转 ${total('carried_over')} 件，` +
      `已办结 ${total('total_processed')} 件，其中予以公开 ${total('granted')} 件；结转下年度继续办理 ${total('carried_forward')} 件。\n` +
      `（三）政府信息管理。严格落实公开前保密审查，动态更新政策文件库。\n` +
      `（四）政府信息公开平台建设。优化门户网站栏目，提升政务新媒体服务能力。\n` +
      `（五）监督保障。将政务公开纳入年度绩效考核，组织业务培训 2 次。`,
    2: '',
    3: '',
    4: `本年度因政府信息公开工作被申请行政复议 ${c[t4Key('review', 'total')]} 件，被提起行政诉讼 ${lit} 件。`,
    5:
      `一是政府信息公开的主动性还有差距；二是政策解读形式比较单一。\n` +
      `针对上年度报告所列问题，已逐项整改落实到位。下一步，我们将改进解读方式，完善工作机制。`,
    6:
      edition === '2021'
        ? `本年度未收取政府信息公开信息处理费。认真落实上级政务公开工作要点，` +
          `及时公开人大代表建议和政协提案办理结果，创新开展“政府开放日”活动。`
        : '无。',
  };
}

/** A clean, consistent report of the given edition. */
export function makeReport(options: ReportOptions = {}): Report {
  const seed = options.seed ?? 1;
  const edition = options.edition ?? '2021';
  const r = rng(seed * 7919 + (edition === '2021' ? 1 : 2));
  const year = options.year ?? (edition === '2021' ? 2021 + r(3) : 2019 + r(1));
  const agency = options.agency ?? `示例市第${seed}区生态环境局`;
  const cells: Record<string, CellValue> = { ...tableTwo(edition, r), ...tableThree(edition, r), ...tableFour(r) };
  const prose = texts(edition, year, agency, cells as Record<string, number>);
  const sections: Section[] = ([1, 2, 3, 4, 5, 6] as const).map((n, i) => ({
    number: n,
    heading: SECTION_HEADINGS[n],
    text: prose[n],
    source: { line: 5 + i * 10 },
    variant: false,
    numbered: true,
  }));
  const cellSources: Report['cellSources'] = {};
  let line = 100;
  for (const key of Object.keys(cells)) cellSources[key] = { line: line++, raw: String(cells[key]) };
  const preamble =
    `本报告根据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、` +
    `政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。` +
    `本报告所列数据的统计期限自 ${year} 年 1 月 1 日起至 ${year} 年 12 月 31 日止。`;
  const recognition: Recognition = {
    headings: sections.map((s) => ({ number: s.number, text: s.heading, source: s.source, variant: false, numbered: true })),
    editionMarkers: { '2019': edition === '2019' ? MARKERS['2019'] : [], '2021': edition === '2021' ? MARKERS['2021'] : [] },
    editionBasis: 'markers',
    preTemplateLayout: false,
    years: { title: year, period: year },
    period: {
      text: `${year} 年 1 月 1 日起至 ${year} 年 12 月 31 日`,
      from: { year, month: 1, day: 1 },
      to: { year, month: 12, day: 31 },
      source: { line: 3 },
    },
    preamble,
    tables: TEMPLATE_TABLES[edition].map((t): Recognition['tables'][number] => ({
      id: t.id,
      section: t.section,
      source: { line: t.section * 10 + 6 },
      rows: t.rows.map((x) => x.key),
      extraRows: [] as Recognition['tables'][number]['extraRows'],
      missingColumns: [],
      extraColumns: [],
      headerUnits: t.id === 't2.9' || (t.id === 't2.8' && edition === '2021') ? { amount: '万元' } : ({} as Record<string, string>),
      cut: false,
    })),
    imageSections: [],
    labelVariants: [],
    cellIssues: [],
    rowIssues: [],
  };
  return ReportSchema.parse({
    edition,
    year,
    agency,
    title: `${year}年${agency}政府信息公开工作年度报告`,
    issuerKind: 'department',
    publishedAt: `${year + 1}-01-20`,
    sections,
    cells,
    cellSources,
    recognition,
  });
}

/** A deep copy of a report. */
export function cloneReport(report: Report): Report {
  return structuredClone(report);
}

/** Copy with cells overridden; a value of `undefined` removes the key (the cell is absent). */
export function withCells(report: Report, cells: Record<string, CellValue | undefined>): Report {
  const out = cloneReport(report);
  for (const [key, value] of Object.entries(cells)) {
    if (value === undefined) delete out.cells[key];
    else out.cells[key] = value;
  }
  return out;
}

/** Copy without every cell whose key starts with the prefix (e.g. 's3.denied.' or 's4.'). */
export function withoutCells(report: Report, prefix: string): Report {
  const out = cloneReport(report);
  for (const key of Object.keys(out.cells)) if (key.startsWith(prefix)) delete out.cells[key];
  return out;
}

/** Copy with section n's text replaced, or the section removed (null; its heading evidence too). */
export function withSection(report: Report, n: number, text: string | null): Report {
  const out = cloneReport(report);
  if (text === null) {
    out.sections = out.sections.filter((s) => s.number !== n);
    out.recognition.headings = out.recognition.headings.filter((h) => h.number !== n);
  } else {
    const s = out.sections.find((x) => x.number === n);
    if (s) s.text = text;
  }
  return out;
}

/** Copy with recognition evidence overridden (shallow merge). */
export function withRecognition(report: Report, patch: Partial<Recognition>): Report {
  const out = cloneReport(report);
  out.recognition = { ...out.recognition, ...structuredClone(patch) };
  return out;
}

/** Copy with top-level report fields overridden (shallow merge). */
export function withReport(report: Report, patch: Partial<Report>): Report {
  return { ...cloneReport(report), ...structuredClone(patch) };
}

/** Every cell key of tables 三 and 四 of a report's edition, in template order. */
export function arithmeticKeys(edition: Edition): string[] {
  return TEMPLATE_TABLES[edition].filter((t) => t.id === 't3' || t.id === 't4').flatMap((t) => t.rows.flatMap((row) => row.cells));
}
