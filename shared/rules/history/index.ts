import type { Rule } from '../rule.ts';

/** The cross-year rules (spec §8.5) and H-TEXT-COPIED; each in its own file beside this one. */
export const HISTORY_RULES: readonly Rule[] = [];
