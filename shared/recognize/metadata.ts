/**
 * Title, agency, year, statistical period, publication date and issuer kind (docs/template.md "Sections"; docs/rules.md.
 * Reads only the first prose blocks; never invents an agency.
 */

import { squeeze } from '../report/cell-text.ts';
import type { Block, Document, IssuerKind, Recognition, UploadMetadata } from '../report/model.ts';
import { toSimplified } from '../report/normalize.ts';

export interface HeadInfo {
  title: string | null;
  /** Block indices of the title lines (excluded from the preamble). */
  titleBlocks: number[];
  agency: string | null;
  titleYear?: number;
}

const YEAR = /((?:19|20)\d{2})\s*年/;
const CN_DIGIT: Record<string, string> = {
  〇: '0',
  '○': '0',
  零: '0',
  Ｏ: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const CN_YEAR = /[一二][〇○零Ｏ九][〇○零Ｏ一二三四五六七八九]{2}(?=\s*年)/g;
const FULL_WIDTH_DIGIT = /[０-９]/g;
/**
 * `二〇二二年度` (also 二○二二, 二零二二) and `２０２２年度` (full-width digits) → `2022年度`, for reading a
 * title's year and agency.
 */
function withArabicYear(t: string): string {
  if (!t.includes('年')) return t;
  return t
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(CN_YEAR, (y) => [...y].map((c) => CN_DIGIT[c] ?? c).join(''));
}
const REPORTISH = /年度报告|年报|信息公开.{0,16}报告|情况的?报告/;
const AGENCY_END = /(人民政府|政府|办公室|办公厅|委员会|办事处|管委会|局|委|厅|办|镇|乡|街道|中心|院|所|站|处|署|会|馆|队)$/;
const HEAD_CHARS = 300;
const EMBEDDED_TITLE =
  /(?:现公布|现公开|现发布|现予公布|编制|印发|发布)?《?([^《》〈〉，,。；;：:\s]{0,40}?(?:19|20)\d{2}\s*年度?[^《》〈〉，,。；;\s]{0,30}?(?:年度报告|年报))/;

function textOf(b: Block): string | undefined {
  return b.kind === 'paragraph' || b.kind === 'heading' ? b.text : undefined;
}

function cleanAgency(s: string | undefined): string | null {
  if (!s) return null;
  const a = s.replace(/关于$/, '').replace(/^[《"“]+|[》"”]+$/g, '');
  if (a.length < 2 || a.length > 40) return null;
  if (/政府信息公开|信息公开|年度|报告|[>:：|]/.test(a) || a === '政府' || a.startsWith('政府')) return null;
  return a;
}

function agencyFromTitle(title: string): string | null {
  const t = squeeze(withArabicYear(title));
  const before = /^(.{2,40}?)(?:关于)?((?:19|20)\d{2})年/.exec(t);
  if (before) {
    const a = cleanAgency(before[1]);
    if (a) return a;
  }
  const after = /^(?:关于)?(?:19|20)\d{2}年度?(.{2,40}?)(?:政府信息公开|政务公开)/.exec(t);
  return cleanAgency(after?.[1]);
}

function isAgencyLine(text: string): boolean {
  const t = squeeze(text);
  return t.length >= 3 && t.length <= 30 && !/\d/.test(t) && AGENCY_END.test(t) && cleanAgency(t) !== null;
}

/** Separators between an article title and the site's name in a page <title> (`标题_政务公开_某局网站`, `某局--标题`). */
const SITE_SEPARATOR = /\s*(?:_+|\||｜|-{2,}|——|\s-\s)\s*/;

/**
 * The report title of a container title (DOCX/PDF properties, HTML <title>): web pages add the
 * site's name and column around it, so the one part that is a title is taken when there is one.
 */
function containerTitle(raw: string, isTitle: (t: string) => boolean): string | undefined {
  const parts = raw.split(SITE_SEPARATOR).filter((p) => isTitle(p));
  if (parts.length === 1) return parts[0]!.trim();
  return isTitle(raw) ? raw.trim() : undefined;
}

/** Title and agency from the container title or the first ~300 characters of prose. */
export function readHead(doc: Document, firstHeading: number): HeadInfo {
  const head: { i: number; text: string }[] = [];
  let chars = 0;
  for (let i = 0; i < doc.blocks.length && chars < HEAD_CHARS; i++) {
    if (firstHeading >= 0 && i >= firstHeading) break;
    const t = textOf(doc.blocks[i]!);
    if (t === undefined) continue;
    head.push({ i, text: t });
    chars += t.length;
  }
  const isTitle = (raw: string): boolean => {
    const t = toSimplified(raw);
    return (
      t.length <= 60 && !/[。，,；;]/.test(t) && !/^(根据|按照|依据)/.test(t.trim()) && YEAR.test(withArabicYear(t)) && REPORTISH.test(t)
    );
  };
  let title: string | null = null;
  const titleBlocks: number[] = [];
  let agency: string | null = null;
  const fromContainer = doc.title ? containerTitle(doc.title, isTitle) : undefined;
  const k = head.findIndex((h) => isTitle(h.text));
  if (fromContainer) {
    title = fromContainer;
    agency = agencyFromTitle(fromContainer);
  }
  if (k >= 0) {
    const h = head[k]!;
    titleBlocks.push(h.i);
    title ??= h.text.trim();
    agency ??= agencyFromTitle(h.text);
    for (const n of [head[k - 1], head[k + 1]]) {
      if (n && isAgencyLine(n.text)) {
        titleBlocks.push(n.i);
        if (!agency) {
          agency = squeeze(n.text);
          if (title === h.text.trim()) title = `${n.text.trim()}${title}`;
        }
      }
    }
    // Repeated title lines (page chrome and body) are title lines too.
    for (const o of head) if (o.i !== h.i && squeeze(o.text) === squeeze(h.text)) titleBlocks.push(o.i);
  }
  if (title === null) {
    // No title line: a report name inside the opening sentence (`现公布XX局2022年…年度报告。`).
    for (const h of head) {
      const m = EMBEDDED_TITLE.exec(h.text);
      if (m) {
        title = m[1]!;
        agency ??= agencyFromTitle(title);
        break;
      }
    }
  }
  const titleYear = title ? Number(YEAR.exec(withArabicYear(title))?.[1]) || undefined : undefined;
  return { title, titleBlocks, agency, titleYear };
}

const PREAMBLE_AGENCY =
  /(?:现公布|现公开|现发布|现予公布|编制|发布)《?([^《》，,。；;\s]{2,40}?)\s*(?:19|20)\d{2}\s*年度?\s*(?:政府信息公开|政务公开)/;

export function agencyFromPreamble(preamble: string): string | null {
  return cleanAgency(PREAMBLE_AGENCY.exec(preamble.slice(0, 2000))?.[1]);
}

const PERIOD =
  /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*起?\s*(?:至|到|—|–|-|~|～)\s*(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The stated statistical period, searched in prose before section 二. */
export function readPeriod(prose: readonly { text: string; source: Block['source'] }[]): Recognition['period'] {
  for (const p of prose) {
    if (!p.text.includes('月')) continue;
    const m = PERIOD.exec(p.text);
    if (!m) continue;
    const fromYear = Number(m[1]);
    const toYear = m[4] ? Number(m[4]) : undefined;
    const period: NonNullable<Recognition['period']> = {
      text: m[0],
      from: { year: fromYear, month: Number(m[2]), day: Number(m[3]) },
      to: { month: Number(m[5]), day: Number(m[6]) },
      source: p.source,
    };
    if (toYear !== undefined) period.to.year = toYear;
    return period;
  }
  return undefined;
}

const CHROME_DATE = /(?:发布时间|发布日期|成文日期|日期|时间)\s*[:：]\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function readPublishedAt(doc: Document, metadata: UploadMetadata | undefined): string | null {
  if (doc.publishedAt) return doc.publishedAt;
  if (metadata?.publishedAt) return metadata.publishedAt;
  let seen = 0;
  for (const b of doc.blocks) {
    const t = textOf(b);
    if (t === undefined) continue;
    if (++seen > 12) break;
    const m = CHROME_DATE.exec(t);
    if (m) return iso(m[1]!, m[2]!, m[3]!);
  }
  return null;
}

export function issuerKindOf(agency: string | null, metadata: UploadMetadata | undefined): IssuerKind | null {
  if (metadata?.issuerKind) return metadata.issuerKind;
  if (!agency) return null;
  const a = squeeze(agency);
  if (/(办公室|办公厅)$/.test(a)) return 'general-office';
  if (/(镇|乡|街道)(人民政府|政府)?$|街道办事处$|办事处$/.test(a)) return 'township';
  if (/人民政府$/.test(a)) return 'government';
  if (/(局|委|厅|办|委员会|署|中心|院|所|站|处|管委会|队)$/.test(a)) return 'department';
  return 'other';
}

/** A year stated in the opening prose (`2022年，我局…`): the last resort for the report year. */
export function proseYear(texts: readonly string[]): number | undefined {
  let budget = 600;
  for (const t of texts) {
    const m = /((?:19|20)\d{2})\s*年/.exec(t.slice(0, budget));
    if (m) return Number(m[1]);
    budget -= t.length;
    if (budget <= 0) break;
  }
  return undefined;
}
