/**
 * The input ids: what the extractors and the pipeline say when an upload cannot become a Report
 * (thrown as InputProblem, turned into a finding by the check use case). They are declarations
 * only — nothing runs them — so they live together in this one file.
 */
import type { RuleDeclaration } from './rule.ts';

export const INPUT_DECLARATIONS: readonly RuleDeclaration[] = [
  {
    id: 'I-EMPTY',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: '文件为空',
    checks: 'The uploaded file is empty (0 bytes, or only whitespace).',
    reads: ['the uploaded bytes'],
  },
  {
    id: 'I-BINARY',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: '文件不是可读文本',
    checks: 'The file is neither text, HTML, DOCX nor PDF: binary content that cannot be read as a report.',
    reads: ['the uploaded bytes'],
  },
  {
    id: 'I-UNREADABLE',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: '文件已损坏或无法读取',
    checks:
      'The file could not be read: a damaged ZIP/DOCX/PDF, malformed XML, a resource limit passed (zip bomb, too many elements, lines, cells or pages, the check time budget), or an internal error while checking it (the message says which).',
    reads: ['the uploaded bytes'],
  },
  {
    id: 'I-UNSUPPORTED-TYPE',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: '不支持的文件类型',
    checks: 'A known type the product does not read: images, legacy .doc, spreadsheets and other office formats.',
    reads: ['the uploaded bytes'],
  },
  {
    id: 'I-PDF-ENCRYPTED',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: 'PDF 已加密',
    checks: 'The PDF is encrypted with a password needed to open it.',
    reads: ['the uploaded bytes'],
  },
  {
    id: 'I-PDF-NO-TEXT',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: 'PDF 没有文字层（扫描件）',
    checks: 'The PDF has no text layer (a scan); there is no OCR.',
    reads: ['the uploaded bytes'],
  },
  {
    id: 'I-TOO-LARGE',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: '文件过大',
    checks: 'The file is larger than the upload cap (20 MB): the pipeline does not download it, the CLI does not read it.',
    reads: ['the uploaded bytes'],
  },
  {
    id: 'I-NOT-A-REPORT',
    severity: 'error',
    category: 'input',
    edition: 'none',
    title: '不是政府信息公开工作年度报告',
    checks: 'The file has no title, section heading or template table of an annual report.',
    reads: ['the uploaded bytes'],
  },
];
