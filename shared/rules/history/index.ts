import type { Rule } from '../rule.ts';
import { rule as hTextCopied } from './h-text-copied.ts';
import { rule as xEditionRegression } from './x-edition-regression.ts';
import { rule as xS5FollowUp } from './x-s5-follow-up.ts';
import { rule as xT2MattersContinuity } from './x-t2-matters-continuity.ts';
import { rule as xT2PublishedStock } from './x-t2-published-stock.ts';
import { rule as xT2StockContinuity } from './x-t2-stock-continuity.ts';
import { rule as xT3Carryover } from './x-t3-carryover.ts';

/** The cross-year rules (docs/rules.md and H-TEXT-COPIED, in catalogue order; each in its own file beside this one. */
export const HISTORY_RULES: readonly Rule[] = [
  xT3Carryover,
  xT2StockContinuity,
  xT2MattersContinuity,
  xT2PublishedStock,
  xEditionRegression,
  xS5FollowUp,
  hTextCopied,
];
