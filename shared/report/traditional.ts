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

type Dict = string | Dict[];

let traditional: Set<string> | undefined;
let convert: ((text: string) => string) | undefined;

/** Every character OpenCC's Traditional → Simplified tables change. */
function characters(): Set<string> {
  if (traditional) return traditional;
  const set = new Set<string>();
  const add = (d: Dict): void => {
    if (Array.isArray(d)) {
      for (const x of d) add(x);
      return;
    }
    for (const pair of d.split('|')) {
      const [from, to] = pair.split(' ');
      if (from && to && from !== to && [...from].length === 1) set.add(from);
    }
  };
  for (const d of [...OpenCC.Locale.from.twp, ...OpenCC.Locale.to.cn] as Dict[]) add(d);
  traditional = set;
  return set;
}

/** True when the text holds a character that the conversion to Simplified would change. */
export function hasTraditional(text: string): boolean {
  const set = characters();
  for (const ch of text) if (set.has(ch)) return true;
  return false;
}

/**
 * OpenCC's Taiwan → mainland chain with one change: a Taiwan phrase is converted only when it is
 * written in Traditional characters (規範性檔案 → 规范性文件), never a phrase already in mainland
 * form (文件 stays 文件, where the Taiwan table would make it 文档): mirrors mix both scripts.
 */
function converter(): (text: string) => string {
  const set = characters();
  const traditionalOnly = (d: Dict): Dict =>
    Array.isArray(d)
      ? d.map(traditionalOnly)
      : d
          .split('|')
          .filter((pair) => [...(pair.split(' ')[0] ?? '')].some((ch) => set.has(ch)))
          .join('|');
  const [phrases] = OpenCC.Locale.from.twp as Dict[];
  return OpenCC.ConverterFactory([traditionalOnly(phrases!)] as never, OpenCC.Locale.to.cn as never) as (text: string) => string;
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
