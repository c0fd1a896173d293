/**
 * The national template of the annual report, in both editions, as data.
 * Labels are the exact strings of docs/template-tables.md; keys follow docs/template.md "Cell keys".
 * Everything that needs to know a row, a column or a cell key reads it from here.
 */

export type Edition = '2019' | '2021';
export const EDITIONS: readonly Edition[] = ['2019', '2021'];

export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const SECTION_NUMBERS: readonly SectionNumber[] = [1, 2, 3, 4, 5, 6];
export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** Canonical headings (docs/template.md "Sections". */
export const SECTION_HEADINGS: Record<SectionNumber, string> = {
  1: '一、总体情况',
  2: '二、主动公开政府信息情况',
  3: '三、收到和处理政府信息公开申请情况',
  4: '四、政府信息公开行政复议、行政诉讼情况',
  5: '五、存在的主要问题及改进情况',
  6: '六、其他需要报告的事项',
};

export interface Column {
  key: string;
  label: string;
  /** Other spellings seen in real reports (matched after label normalization). */
  aliases?: readonly string[];
}

export interface Row {
  key: string;
  label: string;
  aliases?: readonly string[];
}

/** Identifiers of the template tables. */
export type TableId = 't2.1' | 't2.5' | 't2.6' | 't2.8' | 't2.9' | 't3' | 't4';

export interface SubTable {
  id: TableId;
  /** The full-width title row, e.g. 第二十条第（一）项. */
  title: string;
  columns: readonly Column[];
  rows: readonly Row[];
}

const T2_2019: readonly SubTable[] = [
  {
    id: 't2.1',
    title: '第二十条第（一）项',
    columns: [
      { key: 'made', label: '本年新制作数量' },
      { key: 'published', label: '本年新公开数量' },
      { key: 'total', label: '对外公开总数量' },
    ],
    rows: [
      { key: 'regulations', label: '规章' },
      { key: 'normative', label: '规范性文件', aliases: ['行政规范性文件'] },
    ],
  },
  {
    id: 't2.5',
    title: '第二十条第（五）项',
    columns: [
      { key: 'prev', label: '上一年项目数量' },
      { key: 'delta', label: '本年增/减', aliases: ['本年增减'] },
      { key: 'decisions', label: '处理决定数量' },
    ],
    rows: [
      { key: 'license', label: '行政许可' },
      { key: 'other_services', label: '其他对外管理服务事项' },
    ],
  },
  {
    id: 't2.6',
    title: '第二十条第（六）项',
    columns: [
      { key: 'prev', label: '上一年项目数量' },
      { key: 'delta', label: '本年增/减', aliases: ['本年增减'] },
      { key: 'decisions', label: '处理决定数量' },
    ],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'coercion', label: '行政强制' },
    ],
  },
  {
    id: 't2.8',
    title: '第二十条第（八）项',
    columns: [
      { key: 'prev', label: '上一年项目数量' },
      { key: 'delta', label: '本年增/减', aliases: ['本年增减'] },
    ],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
  {
    id: 't2.9',
    title: '第二十条第（九）项',
    columns: [
      { key: 'count', label: '采购项目数量' },
      { key: 'amount', label: '采购总金额' },
    ],
    rows: [{ key: 'procurement', label: '政府集中采购' }],
  },
];

const T2_2021: readonly SubTable[] = [
  {
    id: 't2.1',
    title: '第二十条第（一）项',
    columns: [
      { key: 'issued', label: '本年制发件数', aliases: ['本年发件', '本年制发数量'] },
      { key: 'repealed', label: '本年废止件数', aliases: ['本年废止数量'] },
      { key: 'valid', label: '现行有效件数', aliases: ['现行有效件', '现行有效数量'] },
    ],
    rows: [
      { key: 'regulations', label: '规章' },
      { key: 'normative', label: '行政规范性文件', aliases: ['规范性文件'] },
    ],
  },
  {
    id: 't2.5',
    title: '第二十条第（五）项',
    columns: [{ key: 'decisions', label: '本年处理决定数量' }],
    rows: [{ key: 'license', label: '行政许可' }],
  },
  {
    id: 't2.6',
    title: '第二十条第（六）项',
    columns: [{ key: 'decisions', label: '本年处理决定数量' }],
    rows: [
      { key: 'penalty', label: '行政处罚' },
      { key: 'coercion', label: '行政强制' },
    ],
  },
  {
    id: 't2.8',
    title: '第二十条第（八）项',
    columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额'] }],
    rows: [{ key: 'fees', label: '行政事业性收费' }],
  },
];

export const T2: Record<Edition, readonly SubTable[]> = { '2019': T2_2019, '2021': T2_2021 };

/** Table 三 columns (both editions), in order. The first six are the applicants. */
export const T3_COLUMNS: readonly Column[] = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'social', label: '社会公益组织' },
  { key: 'legal', label: '法律服务机构' },
  { key: 'other_org', label: '其他', aliases: ['其他组织'] },
  { key: 'total', label: '总计' },
];
export const T3_APPLICANTS = T3_COLUMNS.slice(0, 6).map((c) => c.key);
export const T3_HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Groups of table 三 that have no numbers of their own (their label spans their children). */
export type T3Group = 'denied' | 'unable' | 'rejected' | 'other';
export const T3_GROUP_LABELS: Record<T3Group, string> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  rejected: '（五）不予处理',
  other: '（六）其他处理',
};

const T3_HEAD: readonly Row[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', label: '（一）予以公开' },
  { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'denied.state_secret', label: '1.属于国家秘密' },
  { key: 'denied.law_forbidden', label: '2.其他法律行政法规禁止公开' },
  { key: 'denied.three_safety', label: '3.危及“三安全一稳定”' },
  { key: 'denied.third_party', label: '4.保护第三方合法权益' },
  { key: 'denied.internal_affairs', label: '5.属于三类内部事务信息' },
  { key: 'denied.process_info', label: '6.属于四类过程性信息' },
  { key: 'denied.enforcement_file', label: '7.属于行政执法案卷' },
  { key: 'denied.query_matter', label: '8.属于行政查询事项' },
  { key: 'unable.not_held', label: '1.本机关不掌握相关政府信息' },
  { key: 'unable.need_create', label: '2.没有现成信息需要另行制作' },
  { key: 'unable.unclear', label: '3.补正后申请内容仍不明确' },
  { key: 'rejected.petition', label: '1.信访举报投诉类申请' },
  { key: 'rejected.duplicate', label: '2.重复申请' },
  { key: 'rejected.publication', label: '3.要求提供公开出版物' },
  { key: 'rejected.massive', label: '4.无正当理由大量反复申请' },
  { key: 'rejected.confirm', label: '5.要求行政机关确认或重新出具已获取信息' },
];
const T3_TAIL: readonly Row[] = [
  { key: 'total_processed', label: '（七）总计' },
  { key: 'carried_forward', label: '四、结转下年度继续办理' },
];

export const T3_ROWS: Record<Edition, readonly Row[]> = {
  '2019': [...T3_HEAD, { key: 'other', label: '（六）其他处理' }, ...T3_TAIL],
  '2021': [
    ...T3_HEAD,
    {
      key: 'other.overdue_supplement',
      label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    },
    {
      key: 'other.overdue_fee',
      label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      aliases: ['2.申请人逾期未缴费、行政机关不再处理其政府信息公开申请'],
    },
    { key: 'other.other', label: '3.其他' },
    ...T3_TAIL,
  ],
};

/** Leaf outcome rows whose sum is 总计 (docs/template.md "Arithmetic", OUT_2019 / OUT_2021). */
export function outcomeRows(edition: Edition): string[] {
  return T3_ROWS[edition]
    .map((r) => r.key)
    .filter((k) => !['new_received', 'carried_over', 'total_processed', 'carried_forward'].includes(k));
}

/** Table 四: three groups of five columns, in the order of the flattened 15-value row. */
export const T4_GROUPS: readonly Row[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigation_direct', label: '未经复议直接起诉' },
  { key: 'litigation_after_review', label: '复议后起诉' },
];
export const T4_COLUMNS: readonly Column[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** Cell keys whose values are money and may carry decimals. */
export const MONEY_KEYS: ReadonlySet<string> = new Set(['s2.fees.amount', 's2.procurement.amount']);

/** 2019 delta cells (本年增/减), the only cells that may be negative. */
export function isDeltaKey(key: string): boolean {
  return /^s2\.[a-z_]+\.delta$/.test(key);
}

export function t2Key(row: string, column: string): string {
  return `s2.${row}.${column}`;
}
export function t3Key(row: string, column: string): string {
  return `s3.${row}.${column}`;
}
export function t4Key(group: string, column: string): string {
  return `s4.${group}.${column}`;
}

/** The template tables of an edition with their cell keys, rows first, in template order. */
export interface TableKeys {
  id: TableId;
  section: SectionNumber;
  rows: { key: string; cells: string[] }[];
}

function buildTables(edition: Edition): TableKeys[] {
  const t2 = T2[edition].map((t) => ({
    id: t.id,
    section: 2 as const,
    rows: t.rows.map((r) => ({ key: r.key, cells: t.columns.map((c) => t2Key(r.key, c.key)) })),
  }));
  const t3: TableKeys = {
    id: 't3',
    section: 3,
    rows: T3_ROWS[edition].map((r) => ({ key: r.key, cells: T3_COLUMNS.map((c) => t3Key(r.key, c.key)) })),
  };
  const t4: TableKeys = {
    id: 't4',
    section: 4,
    rows: T4_GROUPS.map((g) => ({ key: g.key, cells: T4_COLUMNS.map((c) => t4Key(g.key, c.key)) })),
  };
  return [...t2, t3, t4];
}

export const TEMPLATE_TABLES: Record<Edition, readonly TableKeys[]> = {
  '2019': buildTables('2019'),
  '2021': buildTables('2021'),
};

/** Every template cell key of an edition, in template order. */
export function templateCellKeys(edition: Edition): string[] {
  return TEMPLATE_TABLES[edition].flatMap((t) => t.rows.flatMap((r) => r.cells));
}

const ALL_KEYS = new Set([...templateCellKeys('2019'), ...templateCellKeys('2021')]);
export function isTemplateCellKey(key: string): boolean {
  return ALL_KEYS.has(key);
}

/** Which table a cell key belongs to (for either edition). */
export function tableOfKey(key: string): TableId | undefined {
  for (const ed of EDITIONS) {
    for (const t of TEMPLATE_TABLES[ed]) {
      if (t.rows.some((r) => r.cells.includes(key))) return t.id;
    }
  }
  return undefined;
}
