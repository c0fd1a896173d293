/**
 * The rules catalogue: every stable rule id with its severity, category and edition
 * (spec annual-report-format.md §8), plus the input ids the product adds (I-*), and a short
 * Chinese title for people. Severity and category of a finding always come from here.
 */
import type { Category, Severity } from '../report/model.ts';

export type RuleEdition = 'both' | '2019' | '2021' | 'none';

export interface CatalogueEntry {
  severity: Severity;
  category: Category;
  edition: RuleEdition;
  /** Short Chinese title, for emails and listings. */
  title: string;
}

export const CATALOGUE = {
  // Input (added by the product; the spec leaves input ids open)
  'I-EMPTY': { severity: 'error', category: 'input', edition: 'none', title: '文件为空' },
  'I-BINARY': { severity: 'error', category: 'input', edition: 'none', title: '文件不是可读文本' },
  'I-UNREADABLE': { severity: 'error', category: 'input', edition: 'none', title: '文件已损坏或无法读取' },
  'I-UNSUPPORTED-TYPE': { severity: 'error', category: 'input', edition: 'none', title: '不支持的文件类型' },
  'I-PDF-ENCRYPTED': { severity: 'error', category: 'input', edition: 'none', title: 'PDF 已加密' },
  'I-PDF-NO-TEXT': { severity: 'error', category: 'input', edition: 'none', title: 'PDF 没有文字层（扫描件）' },
  'I-TOO-LARGE': { severity: 'error', category: 'input', edition: 'none', title: '文件过大' },
  'I-NOT-A-REPORT': { severity: 'error', category: 'input', edition: 'none', title: '不是政府信息公开工作年度报告' },
  // 8.1 Metadata and edition
  'M-TITLE-MISSING': { severity: 'warning', category: 'format', edition: 'both', title: '缺少报告标题' },
  'M-YEAR-UNDETERMINED': { severity: 'error', category: 'completeness', edition: 'both', title: '无法确定报告年度' },
  'M-YEAR-CONFLICT': { severity: 'warning', category: 'consistency', edition: 'both', title: '报告年度前后不一致' },
  'M-PERIOD-MISSING': { severity: 'info', category: 'completeness', edition: 'both', title: '未说明统计期限' },
  'M-PERIOD-NOT-CALENDAR': { severity: 'warning', category: 'consistency', edition: 'both', title: '统计期限不是报告年度的自然年' },
  'M-PUBLISH-LATE': { severity: 'warning', category: 'consistency', edition: 'both', title: '发布晚于法定期限' },
  'E-EDITION-UNDETERMINED': { severity: 'error', category: 'completeness', edition: 'both', title: '无法判断所用格式版本' },
  'E-EDITION-MIXED': { severity: 'warning', category: 'format', edition: 'both', title: '混用新旧两版格式' },
  'E-EDITION-YEAR-MISMATCH': { severity: 'warning', category: 'format', edition: 'both', title: '格式版本与报告年度不符' },
  'E-EDITION-PRE2019': { severity: 'info', category: 'input', edition: 'none', title: '2019 年以前的旧版报告，不在检查范围' },
  // 8.2 Structure and completeness
  'C-SECTION-MISSING': { severity: 'error', category: 'completeness', edition: 'both', title: '缺少章节' },
  'C-SECTION-ORDER': { severity: 'warning', category: 'format', edition: 'both', title: '章节顺序不符' },
  'C-SECTION-DUPLICATE': { severity: 'warning', category: 'format', edition: 'both', title: '章节标题重复' },
  'C-SECTION-HEADING-VARIANT': { severity: 'info', category: 'format', edition: 'both', title: '章节标题与模板不同' },
  'C-SECTION-EMPTY': { severity: 'warning', category: 'completeness', edition: 'both', title: '章节没有内容' },
  'C-TABLE-MISSING': { severity: 'error', category: 'completeness', edition: 'both', title: '缺少表格' },
  'C-TABLE-AS-IMAGE': { severity: 'warning', category: 'input', edition: 'both', title: '表格为图片，无法核对' },
  'C-TABLE-MISPLACED': { severity: 'warning', category: 'format', edition: 'both', title: '表格位置不符' },
  'C-ROW-MISSING': { severity: 'error', category: 'completeness', edition: 'both', title: '表格缺少行' },
  'C-ROW-EXTRA': { severity: 'warning', category: 'format', edition: 'both', title: '表格有模板以外的行' },
  'C-COL-MISSING': { severity: 'error', category: 'completeness', edition: 'both', title: '表格缺少列' },
  'C-COL-EXTRA': { severity: 'warning', category: 'format', edition: 'both', title: '表格有模板以外的列' },
  'C-LABEL-VARIANT': { severity: 'info', category: 'format', edition: 'both', title: '行列名称与模板不同' },
  'C-CELL-BLANK': { severity: 'warning', category: 'completeness', edition: 'both', title: '单元格空白' },
  'C-CELL-NA': { severity: 'info', category: 'format', edition: 'both', title: '单元格填写为不适用' },
  // 8.3 Cell values
  'P-CELL-UNPARSEABLE': { severity: 'error', category: 'format', edition: 'both', title: '单元格内容不是数字' },
  'P-CELL-NEGATIVE': { severity: 'error', category: 'consistency', edition: 'both', title: '单元格为负数' },
  'P-CELL-NONINTEGER': { severity: 'error', category: 'format', edition: 'both', title: '计数单元格不是整数' },
  'P-UNIT-EMBEDDED': { severity: 'info', category: 'format', edition: 'both', title: '单元格内写有单位' },
  'P-UNIT-CONFLICT': { severity: 'warning', category: 'format', edition: 'both', title: '单位与模板不符' },
  'P-UNIT-MISSING': { severity: 'warning', category: 'format', edition: '2019', title: '采购总金额未注明单位' },
  'P-DELTA-AMBIGUOUS': { severity: 'warning', category: 'format', edition: '2019', title: '增减数符号不明确' },
  'P-SHIFTED-CELL': { severity: 'warning', category: 'format', edition: '2019', title: '疑似数字错列' },
  'P-NORMALIZED': { severity: 'info', category: 'format', edition: 'both', title: '数字格式已规范化' },
  // 8.4 Arithmetic within the report
  'K-T3-COLUMN-IDENTITY': { severity: 'error', category: 'consistency', edition: 'both', title: '表三列勾稽关系不成立' },
  'K-T3-OUTCOME-SUM': { severity: 'error', category: 'consistency', edition: 'both', title: '表三办理结果合计不符' },
  'K-T3-ROW-TOTAL': { severity: 'error', category: 'consistency', edition: 'both', title: '表三行总计不符' },
  'K-T3-ROW-TOTAL-BLANK': { severity: 'warning', category: 'completeness', edition: 'both', title: '表三行总计空白' },
  'K-T3-GROUP-SUBTOTAL': { severity: 'warning', category: 'consistency', edition: 'both', title: '表三小计不符' },
  'K-T4-GROUP-TOTAL': { severity: 'error', category: 'consistency', edition: 'both', title: '表四总计不符' },
  'K-T4-TOTAL-BLANK': { severity: 'warning', category: 'completeness', edition: 'both', title: '表四总计空白' },
  'K-T2-STOCK-FLOOR': { severity: 'info', category: 'consistency', edition: '2021', title: '现行有效件数偏少' },
  'K-T2-RULEMAKING': { severity: 'info', category: 'consistency', edition: 'both', title: '无规章制定权却填报规章' },
  'K-T2-MATTERS-NONNEG': { severity: 'error', category: 'consistency', edition: '2019', title: '事项数量增减后为负' },
  'K-T2-PUBLISHED-LE-TOTAL': { severity: 'warning', category: 'consistency', edition: '2019', title: '本年新公开数量大于对外公开总数量' },
  'K-T2-PUBLISHED-LE-MADE': { severity: 'info', category: 'consistency', edition: '2019', title: '本年新公开数量大于本年新制作数量' },
  // 8.5 Across years
  'X-T3-CARRYOVER': { severity: 'warning', category: 'history', edition: 'both', title: '上年结转与上年报告不符' },
  'X-T2-STOCK-CONTINUITY': { severity: 'warning', category: 'history', edition: '2021', title: '现行有效件数与上年不衔接' },
  'X-T2-MATTERS-CONTINUITY': { severity: 'warning', category: 'history', edition: '2019', title: '上一年项目数量与上年报告不衔接' },
  'X-T2-PUBLISHED-STOCK': { severity: 'info', category: 'history', edition: '2019', title: '对外公开总数量少于上年' },
  'X-EDITION-REGRESSION': { severity: 'warning', category: 'history', edition: 'both', title: '改回使用旧版格式' },
  'X-S5-FOLLOW-UP': { severity: 'info', category: 'history', edition: '2021', title: '未回应上年报告所列问题' },
  'H-TEXT-COPIED': { severity: 'warning', category: 'history', edition: 'both', title: '内容与上年报告雷同' },
  // 8.6 Text content
  'T-S1-ASPECTS': { severity: 'warning', category: 'completeness', edition: 'both', title: '总体情况缺少应述方面' },
  'T-S1-GOV-ACCOUNTABILITY': { severity: 'info', category: 'completeness', edition: 'both', title: '未报告考核、评议和责任追究情况' },
  'T-S5-PROBLEMS-AND-MEASURES': { severity: 'warning', category: 'completeness', edition: 'both', title: '未同时写明问题和改进措施' },
  'T-S5-PRIOR-RECTIFICATION': { severity: 'warning', category: 'completeness', edition: '2021', title: '未说明上年度问题整改情况' },
  'T-S6-FEE-STATEMENT': { severity: 'warning', category: 'completeness', edition: '2021', title: '未说明信息处理费收取情况' },
  'T-S6-GOV-ITEMS': { severity: 'info', category: 'completeness', edition: '2021', title: '其他事项缺少常见内容' },
  'T-NUM-TEXT-TABLE': { severity: 'warning', category: 'consistency', edition: 'both', title: '正文数字与表格不符' },
  'T-S4-NARRATIVE-CONFLICT': { severity: 'warning', category: 'consistency', edition: 'both', title: '复议诉讼文字说明与表格矛盾' },
  'T-PREAMBLE-PARTS': { severity: 'info', category: 'consistency', edition: 'both', title: '前言所述部分与实际章节不符' },
  'T-S6-FEE-WITHOUT-REQUESTS': { severity: 'info', category: 'consistency', edition: '2021', title: '无申请却收取信息处理费' },
} as const satisfies Record<string, CatalogueEntry>;

export type RuleId = keyof typeof CATALOGUE;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(CATALOGUE, id);
}

export function catalogueEntry(id: RuleId): CatalogueEntry {
  return CATALOGUE[id];
}

/** Bumped whenever a rule's logic or the catalogue changes; stored with every evaluation. */
export const RULESET_VERSION = '2026.11.29-1';
