import type { Rule } from '../rule.ts';
import { sectionProse } from '../support.ts';
import { consecutiveOf } from './previous.ts';
import { quote } from './sentences.ts';

/** A clause that states a problem … */
const PROBLEM = /问题|不足|短板|差距|有待|不够|不强|不高|欠缺|滞后|薄弱|不到位|不全面|不及时|不规范|单一/;
/** … rather than a measure or a follow-up statement. */
const MEASURE = /下一步|今后|将|整改|改进|措施|针对/;
/** Wording that states a problem even next to a measure word (有待改进, 仍有差距). */
const STRONG_PROBLEM = /有待|不足|差距|短板|不够/;
/** Words every section 五 uses; they say nothing about which problem is meant. */
const GENERIC =
  /政府信息公开|政务公开|信息公开|政府信息|公开工作|工作|进一步|存在|主要|问题|不足|方面|有待|仍然|还有|还|仍|一些|部分|我局|我单位|本单位|本机关|我镇|我乡|我街道|我办|等|的|了|和|与|及/g;
const ENUMERATION = /^(?:[（(]?[一二三四五六七八九十]+[）)、.]|[一二三四五六七八九十]+是|\d+[.、])/;

/** The problem clauses of a section 五, as written (enumeration removed). */
export function problemClauses(text: string): string[] {
  return text
    .split(/[。；;！？!?\n]|(?=[二三四五六七八九十]是)/)
    .map((c) => c.trim().replace(ENUMERATION, '').trim())
    .filter((c) => c.length >= 4 && PROBLEM.test(c) && (!MEASURE.test(c) || STRONG_PROBLEM.test(c)));
}

/** Distinctive 4-character phrases of a clause (generic words removed). */
function phrases(clause: string): string[] {
  const out: string[] = [];
  for (const part of clause
    .replace(/\s+/g, '')
    .replace(GENERIC, '|')
    .split(/[|，,、：:“”"（）()]/)) {
    for (let i = 0; i + 4 <= part.length; i++) out.push(part.slice(i, i + 4));
  }
  return out;
}

/**
 * X6 (docs/template.md "Arithmetic"; docs/template.md "Sections": the previous report's section 五 listed problems and this year's section
 * 五 neither refers to the previous year's problems (上年/上一年/去年/{Y−1}年 near 问题/整改…)
 * nor repeats any distinctive phrase of them.
 */
export const rule: Rule = {
  id: 'X-S5-FOLLOW-UP',
  severity: 'info',
  category: 'history',
  edition: '2021',
  title: '未回应上年报告所列问题',
  checks:
    "The previous report's section 五 lists problems and section 五 of Y contains no reference to them (no 上年/上一年/去年 … 问题/整改 wording and no overlap of problem phrases).",
  reads: ['text of section 五 (this year and the previous year)'],
  check(ctx) {
    const pair = consecutiveOf(ctx);
    if (pair?.report.edition !== '2021') return [];
    const before = sectionProse(pair.previous, 5);
    const now = sectionProse(pair.report, 5);
    if (before === undefined || now === undefined) return [];
    const clauses = problemClauses(before);
    if (clauses.length === 0) return [];
    const prev = `(?:上年度|上一年度|上年|上一年|去年|${pair.previousYear}\\s*年)`;
    const act = '(?:问题|整改|改进|落实)';
    if (new RegExp(`${prev}[^。]{0,40}${act}|${act}[^。]{0,40}${prev}`).test(now)) return [];
    const compact = now.replace(/\s+/g, '');
    if (clauses.some((c) => phrases(c).some((p) => compact.includes(p)))) return [];
    return [
      {
        message:
          `${pair.previousYear} 年报告“存在的主要问题及改进情况”列出了问题（如“${quote(clauses[0]!, 40)}”），` +
          `本报告（${pair.year} 年）该部分未说明这些问题的整改情况。`,
      },
    ];
  },
};
