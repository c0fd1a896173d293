/**
 * Traditional script → Simplified, for matching (mirror copies of reports are often in Traditional
 * script, with phrase-level conversions such as 文件 → 檔案 in 規範性檔案): OpenCC's data through
 * opencc-js, Taiwan phrases included (`twp` → `cn`). The one conversion path of the project; the
 * original text is always kept for display.
 *
 * The converter's dictionaries take tens of milliseconds to build: they are built on the first
 * text that holds a Traditional character, which most reports never do.
 */

import * as OpenCC from 'opencc-js/t2cn';
import { pushAll } from './arrays.ts';
import { EDITIONS, SECTION_HEADINGS, T2, T3_COLUMNS, T3_GROUP_LABELS, T3_HEADER_NOTE, T3_ROWS, T4_COLUMNS, T4_GROUPS } from './template.ts';

type Dict = string | Dict[];

let traditional: Set<string> | undefined;
let changed: Set<string> | undefined;
let convert: ((text: string) => string) | undefined;

/** Every character OpenCC's Traditional → Simplified tables change (the Taiwan table or the mainland one). */
function characters(): Set<string> {
  if (traditional) return traditional;
  const set = new Set<string>();
  const taiwan = new Map<string, string>();
  const mainland = new Map<string, string>();
  const add = (d: Dict, into: Map<string, string>): void => {
    if (Array.isArray(d)) {
      for (const x of d) add(x, into);
      return;
    }
    for (const pair of d.split('|')) {
      const [from, to] = pair.split(' ');
      if (from && to && from !== to && [...from].length === 1) {
        set.add(from);
        if (!into.has(from)) into.set(from, to);
      }
    }
  };
  for (const d of OpenCC.Locale.from.twp as Dict[]) add(d, taiwan);
  for (const d of OpenCC.Locale.to.cn as Dict[]) add(d, mainland);
  traditional = set;
  // A dozen characters come back to themselves through both tables (秘 → 祕 → 秘, 核, 群): the
  // template's own 属于国家秘密 holds one, and building the converter for it cost every cold
  // start ~35 ms (issue 17). They alone never make a text Traditional.
  changed = new Set(
    [...set].filter((ch) => {
      const tw = taiwan.get(ch) ?? ch;
      return (mainland.get(tw) ?? tw) !== ch;
    }),
  );
  return set;
}

/** True when the text holds a character that the conversion to Simplified would change. */
export function hasTraditional(text: string): boolean {
  characters();
  for (const ch of text) if (changed?.has(ch)) return true;
  return false;
}

/** Every label, heading and note of the template in one string: the words the reports' tables and headings are made of. */
function templateText(): string {
  const labels: string[] = [...Object.values(SECTION_HEADINGS), T3_HEADER_NOTE, ...Object.values(T3_GROUP_LABELS)];
  for (const ed of EDITIONS) {
    for (const sub of T2[ed]) for (const x of [...sub.rows, ...sub.columns]) pushAll(labels, [x.label, ...(x.aliases ?? [])]);
    for (const r of T3_ROWS[ed]) labels.push(r.label);
  }
  for (const x of [...T3_COLUMNS, ...T4_COLUMNS, ...T4_GROUPS]) pushAll(labels, [x.label, ...(x.aliases ?? [])]);
  return labels.join('|');
}

/**
 * OpenCC's Taiwan → mainland chain with two changes. A Taiwan phrase is converted only when it is
 * written in Traditional characters (規範性檔案 → 规范性文件), never a phrase already in mainland
 * form (文件 stays 文件, where the Taiwan table would make it 文档): mirrors mix both scripts. And
 * only the phrases whose mainland form is a word of the template (檔案 → 文件, 資訊 → 信息,
 * 資料 → 数据): the reverse of a Taiwan phrase is not unique (查詢 is both 查询 and 查找), and the
 * template's own words decide; other Traditional phrases are converted character by character.
 */
function converter(): (text: string) => string {
  const set = characters();
  const toCn = OpenCC.ConverterFactory(OpenCC.Locale.from.tw as never, OpenCC.Locale.to.cn as never) as (text: string) => string;
  const words = templateText();
  const traditional = (pair: string): boolean => [...(pair.split(' ')[0] ?? '')].some((ch) => set.has(ch));
  const inTemplate = (pair: string): boolean => traditional(pair) && words.includes(toCn(pair.split(' ')[1] ?? ''));
  const filter = (d: string, keep: (pair: string) => boolean): string => d.split('|').filter(keep).join('|');
  // Locale.from.twp is one group: [Taiwan phrases, Taiwan variants, variant phrases].
  const [phrases = '', ...variants] = (OpenCC.Locale.from.twp as unknown as string[][])[0] ?? [];
  const group = [filter(phrases, inTemplate), ...variants.map((d) => filter(d, traditional))].filter((d) => d !== '');
  return OpenCC.ConverterFactory([group] as never, OpenCC.Locale.to.cn as never) as (text: string) => string;
}

/**
 * The text in Simplified script (Traditional phrases and characters converted); text without a
 * Traditional character is returned as it is.
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  convert ??= converter();
  return convert(text);
}
