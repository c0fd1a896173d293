/**
 * Caps on what one file may make while it is read, so that a hostile or broken file ends as an
 * I-UNREADABLE finding in bounded time and memory instead of filling the function's memory
 * (RELIABILITY.md, "Resource limits", has the measured bounds). Each is one or two orders of
 * magnitude above the largest real report seen: about 1,600 HTML elements, 300 text lines, 600
 * table cells. The ZIP caps are in zip.ts, the PDF page caps in pdf.ts, the upload cap in
 * shared/report/limits.ts.
 */
import { InputProblem } from '../report/errors.ts';

export const EXTRACT_LIMITS = {
  /** Elements of an HTML page or of an XML part of a DOCX (skipped subtrees not counted). */
  maxElements: 200_000,
  /** Cells of a table row: cells past this column are not read (as browsers cap colspan). */
  maxColumns: 1000,
  /** Lines of a text file. */
  maxLines: 50_000,
  /** Characters of one line of a text file, or of one DOCX paragraph. */
  maxLineChars: 1_000_000,
  /** Table cells of a text file (numbers on a line, tab and pipe cells). */
  maxCells: 500_000,
};

const WHAT = {
  elements: '文档元素',
  lines: '文本行数',
  lineChars: '单行字符数',
  cells: '表格单元格',
} as const;

/** The problem of a file over one of the caps: `count` (at least) against `max`. */
export function overLimit(what: keyof typeof WHAT, count: number, max: number): InputProblem {
  return new InputProblem('I-UNREADABLE', `文件无法读取：${WHAT[what]}过多（超过 ${max} 个），疑似异常或损坏的文件。`, {
    reason: `too many ${what}`,
    count,
    max,
  });
}
