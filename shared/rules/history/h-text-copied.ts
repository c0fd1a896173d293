import type { Rule } from '../rule.ts';
import { COPIED_SHARE_THRESHOLD, copiedText, MIN_COPIED_SENTENCES } from './copied-text.ts';
import { consecutiveOf } from './previous.ts';
import { quote } from './sentences.ts';

/**
 * 内容雷同: most of the non-boilerplate sentences of sections 一 and 五 repeat the same agency's
 * previous-year report (numbers and years aside). States the share and quotes one sentence.
 */
export const rule: Rule = {
  id: 'H-TEXT-COPIED',
  severity: 'warning',
  category: 'history',
  edition: 'both',
  title: '内容与上年报告雷同',
  checks:
    "A large share of the sentences of sections 一 and 五 repeats the same agency's previous-year report word for word, leaving out template phrases and sentences that many agencies of the same year share (the boilerplate index); threshold and its evidence in docs/history.md.",
  reads: ['sentences of sections 一 and 五 (this year and the previous year)', 'boilerplate index of the year'],
  check(ctx) {
    const pair = consecutiveOf(ctx);
    if (!pair) return [];
    const { eligible, copied, share } = copiedText(pair.report, pair.previous, ctx.boilerplate);
    if (copied.length < MIN_COPIED_SENTENCES || share < COPIED_SHARE_THRESHOLD) return [];
    const example = copied.reduce((a, b) => (b.norm.length > a.norm.length ? b : a));
    const percent = Math.round(share * 100);
    return [
      {
        message:
          `“总体情况”和“存在的主要问题及改进情况”中（已排除通用表述）共 ${eligible.length} 句，` +
          `其中 ${copied.length} 句（${percent}%）与 ${pair.previousYear} 年报告相同或仅数字不同，` +
          `例如：“${quote(example.text)}”。请按本年度（${pair.year} 年）实际情况撰写。`,
      },
    ];
  },
};
