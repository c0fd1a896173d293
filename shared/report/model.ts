/**
 * The model (README.md "Architecture"): Document (what every extractor produces), Report (what
 * recognition produces) and Finding (what rules produce). zod schemas are the single source of
 * truth; the TypeScript types are inferred from them.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Source locations
// ---------------------------------------------------------------------------------------------

/** Where something is in the source file: a 1-based line (text, HTML, DOCX paragraphs), or a page. */
export const SourceSchema = z.object({
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

// ---------------------------------------------------------------------------------------------
// Document: ordered blocks, format-independent
// ---------------------------------------------------------------------------------------------

export const CellSchema = z.object({
  /** The cell's text as found (not normalized). */
  text: z.string(),
  /**
   * True when this grid position is not a cell of its own: a copy made by expanding a
   * rowspan/colspan, or padding that makes a reconstructed row rectangular. Recognition reads
   * values only from cells without `span`.
   */
  span: z.boolean().optional(),
  /**
   * With `span`: an empty cell written in the source after the row's last text (a pipe row's
   * trailing `||`) — the padding of a merged cell, or a blank cell; the row's template decides.
   */
  placeholder: z.boolean().optional(),
  source: SourceSchema.optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const HeadingBlockSchema = z.object({
  kind: z.literal('heading'),
  text: z.string(),
  level: z.number().int().min(1).max(6).optional(),
  source: SourceSchema,
});
export const ParagraphBlockSchema = z.object({
  kind: z.literal('paragraph'),
  text: z.string(),
  source: SourceSchema,
});
export const TableBlockSchema = z.object({
  kind: z.literal('table'),
  /** A rectangular grid: every row has the same number of cells. */
  rows: z.array(z.array(CellSchema)),
  source: SourceSchema,
});
export const ImageBlockSchema = z.object({
  kind: z.literal('image'),
  alt: z.string().optional(),
  source: SourceSchema,
});
export const BlockSchema = z.discriminatedUnion('kind', [HeadingBlockSchema, ParagraphBlockSchema, TableBlockSchema, ImageBlockSchema]);
export type Block = z.infer<typeof BlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;

export const DocumentFormatSchema = z.enum(['text', 'html', 'docx', 'pdf']);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

/** A format-specific remark from extraction (e.g. the encoding that was detected). */
export const NoticeSchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const DocumentSchema = z.object({
  format: DocumentFormatSchema,
  /** Character encoding of the source when it was text (utf-8, utf-16le, gb18030 …). */
  encoding: z.string().optional(),
  /** A title carried by the container (HTML <title>, DOCX core properties, PDF info). */
  title: z.string().optional(),
  /** A publication date carried by the container or page chrome (ISO yyyy-mm-dd). */
  publishedAt: z.string().optional(),
  blocks: z.array(BlockSchema),
  notices: z.array(NoticeSchema).default([]),
});
export type Document = z.infer<typeof DocumentSchema>;

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const CategorySchema = z.enum(['input', 'completeness', 'consistency', 'history', 'format']);
export type Category = z.infer<typeof CategorySchema>;

export const RuleIdSchema = z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/, 'rule ids look like K-T3-ROW-TOTAL');

export const FindingSchema = z.object({
  ruleId: RuleIdSchema,
  severity: SeveritySchema,
  category: CategorySchema,
  /** Chinese, for people, stating the numbers. */
  message: z.string().min(1),
  /** Cell keys involved. */
  cells: z.array(z.string()).optional(),
  expected: z.number().optional(),
  actual: z.number().optional(),
  /** The single cell that would make every failing identity hold, when there is one. */
  suspect: z.string().optional(),
  source: z.object({ line: z.number().int().positive().optional(), page: z.number().int().positive().optional() }).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

// ---------------------------------------------------------------------------------------------
// Report: what recognition makes of a Document
// ---------------------------------------------------------------------------------------------

export const EditionSchema = z.enum(['2019', '2021']);

/** A cell value: a number, `null` for a blank cell, `"/"` for a not-applicable mark. */
export const CellValueSchema = z.union([z.number(), z.null(), z.literal('/')]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const SectionSchema = z.object({
  number: z.number().int().min(1).max(6),
  /** The heading as found in the document. */
  heading: z.string(),
  /** Body text of the section (prose only; table text is not included). */
  text: z.string(),
  source: SourceSchema.optional(),
  /** True when recognized through a variant heading (docs/template.md "Sections" variants) rather than the canonical key words. */
  variant: z.boolean().default(false),
  /** False when the heading carries no 一…六 number. */
  numbered: z.boolean().default(true),
});
export type Section = z.infer<typeof SectionSchema>;

export const TableIdSchema = z.enum(['t2.1', 't2.5', 't2.6', 't2.8', 't2.9', 't3', 't4']);

/** Where one cell came from. `raw` is the cell text exactly as found. */
export const CellOriginSchema = SourceSchema.extend({
  raw: z.string(),
  /**
   * How the cell's value was placed when the text did not separate it: `split` — cut out of a
   * run of digits (the only cut without leading zeros); `identity` — of several cuts, the only
   * one that satisfies the row's total (an identity chose it); `blanks` — a visible blank cell;
   * `order` — a group's values whose sub-row labels were lost, placed in template order.
   */
  reading: z.enum(['split', 'identity', 'blanks', 'order']).optional(),
});
export type CellOrigin = z.infer<typeof CellOriginSchema>;

/** A remark of the value parser (docs/template.md "Reading a cell" about one cell, read by the P-* rules. */
export const CellIssueSchema = z.object({
  key: z.string(),
  raw: z.string(),
  issue: z.enum([
    'unparseable', // P-CELL-UNPARSEABLE (the key is then absent from `cells`)
    'noninteger', // P-CELL-NONINTEGER
    'unit-embedded', // P-UNIT-EMBEDDED (unit stripped or converted)
    'unit-conflict', // P-UNIT-CONFLICT
    'delta-ambiguous', // P-DELTA-AMBIGUOUS
    'shifted', // P-SHIFTED-CELL
    'normalized', // P-NORMALIZED
    'stray', // P-STRAY-MARK (a mark beside the number was ignored)
  ]),
  unit: z.string().optional(),
  source: SourceSchema.optional(),
});
export type CellIssue = z.infer<typeof CellIssueSchema>;

/** What recognition saw of one template table. */
export const TableFindingSchema = z.object({
  id: TableIdSchema,
  /** The section it was found under (null: before any section heading). */
  section: z.number().int().min(1).max(6).nullable(),
  source: SourceSchema.optional(),
  /** Template row keys whose label was found (values may still be absent). */
  rows: z.array(z.string()),
  /** Rows that are not template rows (local extensions, subtotals, the other edition's rows). */
  extraRows: z
    .array(
      z.object({
        label: z.string(),
        /** For a table-三 subtotal row: the group it subtotals. */
        group: z.enum(['denied', 'unable', 'rejected', 'other']).optional(),
        /** Values by column key, as read. */
        values: z.record(z.string(), CellValueSchema).default({}),
        source: SourceSchema.optional(),
      }),
    )
    .default([]),
  /** Template column keys that are not in the table. */
  missingColumns: z.array(z.string()).default([]),
  /** Column labels that are not template columns. */
  extraColumns: z.array(z.string()).default([]),
  /** Unit written in a column header, by column key (e.g. amount → 万元). */
  headerUnits: z.record(z.string(), z.string()).default({}),
  /** True when the table's text ends before its last template row (the document was cut). */
  cut: z.boolean().default(false),
  /**
   * Template rows found with fewer value cells than columns in the middle of the table: a cell
   * vanished (de-duplicated or collapsed text) and no value can be placed with certainty, so the
   * row's cells are left absent.
   */
  ambiguousRows: z.array(z.string()).optional(),
  /** Every label of the table is there and no cell holds a value (all read as blank). */
  unfilled: z.boolean().optional(),
  /** Table 三 of a 2021 report with （六）其他处理 as one row with numbers (the 2019 layout): read as `s3.other.*`. */
  otherAsOneRow: z.boolean().optional(),
});
export type TableFinding = z.infer<typeof TableFindingSchema>;

export const RecognitionSchema = z.object({
  /** Every heading matched outside tables, in document order (duplicates included). */
  headings: z
    .array(
      z.object({
        number: z.number().int().min(1).max(6),
        text: z.string(),
        source: SourceSchema.optional(),
        variant: z.boolean(),
        numbered: z.boolean(),
      }),
    )
    .default([]),
  /** Strong edition markers found (docs/template.md "Editions", by edition. */
  editionMarkers: z.object({ '2019': z.array(z.string()), '2021': z.array(z.string()) }),
  /** How the edition was decided. */
  editionBasis: z.enum(['markers', 'year', 'none']),
  /** The report uses the pre-2019 layout (概述 / 依申请公开 / 收费及减免 …). */
  preTemplateLayout: z.boolean().default(false),
  /** Years read from each place, for M-YEAR-CONFLICT. */
  years: z.object({
    title: z.number().int().optional(),
    period: z.number().int().optional(),
    metadata: z.number().int().optional(),
    /** A year stated in the opening prose (`2022年，我局…`), used only when the others are absent. */
    prose: z.number().int().optional(),
  }),
  /** The stated statistical period, if any. */
  period: z
    .object({
      text: z.string(),
      from: z.object({ year: z.number().int().optional(), month: z.number().int(), day: z.number().int() }),
      to: z.object({ year: z.number().int().optional(), month: z.number().int(), day: z.number().int() }),
      source: SourceSchema.optional(),
    })
    .optional(),
  /** Text before section 一 (title lines excluded). */
  preamble: z.string().default(''),
  tables: z.array(TableFindingSchema).default([]),
  /** Sections (by number) under which an image was found and no table text. */
  imageSections: z.array(z.number().int().min(1).max(6)).default([]),
  /** Labels that matched a template row or column only after normalization or through an alias. */
  labelVariants: z
    .array(z.object({ table: TableIdSchema, found: z.string(), canonical: z.string(), source: SourceSchema.optional() }))
    .default([]),
  cellIssues: z.array(CellIssueSchema).default([]),
  /** Template rows whose values could not be placed with certainty (their cells are absent), and why. */
  rowIssues: z.array(z.object({ table: TableIdSchema, row: z.string(), reason: z.string(), source: SourceSchema.optional() })).default([]),
});
export type Recognition = z.infer<typeof RecognitionSchema>;

/** What kind of body issued the report (from the name or upload metadata). */
export const IssuerKindSchema = z.enum(['government', 'general-office', 'department', 'township', 'other']);
export type IssuerKind = z.infer<typeof IssuerKindSchema>;

export const ReportSchema = z.object({
  /** Edition of the tables; null only when nothing could be decided. */
  edition: EditionSchema.nullable(),
  year: z.number().int().nullable(),
  agency: z.string().nullable(),
  title: z.string().nullable(),
  issuerKind: IssuerKindSchema.nullable().default(null),
  /** Publication date, ISO yyyy-mm-dd, when known. */
  publishedAt: z.string().nullable().default(null),
  /** The sections found, in document order, one per number. */
  sections: z.array(SectionSchema),
  /** Canonical cell key → value (docs/template.md "Cell keys"). Absent key: the cell is not in the document. */
  cells: z.record(z.string(), CellValueSchema),
  /** Canonical cell key → where it came from. */
  cellSources: z.record(z.string(), CellOriginSchema).default({}),
  recognition: RecognitionSchema,
});
export type Report = z.infer<typeof ReportSchema>;

// ---------------------------------------------------------------------------------------------
// Upload metadata: what the uploader (S3 object metadata, CLI flags) says about the report
// ---------------------------------------------------------------------------------------------

export const UploadMetadataSchema = z.object({
  agency: z.string().optional(),
  year: z.number().int().optional(),
  issuerKind: IssuerKindSchema.optional(),
  publishedAt: z.string().optional(),
  fileName: z.string().optional(),
});
export type UploadMetadata = z.infer<typeof UploadMetadataSchema>;
