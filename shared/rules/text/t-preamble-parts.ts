import type { Rule } from '../rule.ts';
import { parseSmallNumber, prose } from '../support.ts';

const PARTS = /(?:分为|包括|包含|由|共)[^。]{0,120}?(?<!第)([一二两三四五六七八九十]|\d+)\s*(?:个)?部分/;

/** The preamble states a number of parts that differs from the sections found. */
export const rule: Rule = {
  id: 'T-PREAMBLE-PARTS',
  severity: 'info',
  category: 'consistency',
  edition: 'both',
  title: '前言所述部分与实际章节不符',
  checks:
    'The preamble states the number or names of the report\'s parts and this disagrees with the sections found (e.g. "六部分" with five headings).',
  reads: ['preamble', 'section headings'],
  check({ report }) {
    const m = PARTS.exec(prose(report.recognition.preamble));
    if (!m) return [];
    const stated = parseSmallNumber(m[1]!);
    const found = report.sections.length;
    if (stated === undefined || stated === found) return [];
    return [
      {
        message: `前言称报告共有“${m[1]}个部分”（${stated}），但实际找到 ${found} 个部分。`,
        expected: stated,
        actual: found,
      },
    ];
  },
};
