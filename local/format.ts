/**
 * Console output of the local stack: tables that line up with Chinese text (East Asian wide
 * characters count as two columns), the outcome of uploads, and a progress bar.
 */
import { basename } from 'node:path';
import { SEVERITY_ORDER } from '../shared/report/model.ts';
import { viewPath } from '../shared/usecases/view.ts';
import type { Outcome } from './uploads.ts';

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** A plain-text table; the last column is not padded. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One row per upload: file, agency, year, status, counts. */
export function outcomeTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => {
    const d = o.detail;
    if (!d) return [truncate(basename(o.key), 44), '-', '-', 'not processed', '-', '-', '-'];
    return [
      truncate(basename(o.key), 44),
      truncate(d.agency ?? '(未能识别)', 30),
      d.year === null ? '-' : String(d.year),
      d.inputRuleId ? `input:${d.inputRuleId}` : d.status,
      String(d.counts.error),
      String(d.counts.warning),
      String(d.counts.info),
    ];
  });
  return table(['file', 'agency', 'year', 'status', 'errors', 'warnings', 'info'], rows);
}

/** The worst findings of one upload: one line per rule (errors first), with how often it fired. */
export function worstFindings(outcome: Outcome, limit = 5): string[] {
  const d = outcome.detail;
  if (!d) return [`  ${outcome.error ?? 'not processed'}`];
  if (d.findings.length === 0) return ['  no findings'];
  const byRule = new Map<string, { first: (typeof d.findings)[number]; count: number }>();
  for (const f of d.findings) {
    const seen = byRule.get(f.ruleId);
    if (seen) seen.count += 1;
    else byRule.set(f.ruleId, { first: f, count: 1 });
  }
  const rules = [...byRule.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.first.severity) - SEVERITY_ORDER.indexOf(b.first.severity));
  const lines = rules.slice(0, limit).map(({ first: f, count }) => {
    const times = count > 1 ? ` (×${count})` : '';
    const isNew = d.previousVersionId && f.change === 'new' ? ' (new)' : '';
    return `  ${f.severity.padEnd(7)} [${f.ruleId}]${times}${isNew} ${truncate(f.message.replace(/\s+/g, ' '), 100)}`;
  });
  if (rules.length > limit) lines.push(`  … and ${rules.length - limit} more rule(s)`);
  return lines;
}

/** Outcome of each upload with its worst findings and where to read the rest. */
export function outcomeReport(outcomes: Outcome[], apiUrl: string): string {
  const blocks = outcomes.map((o) => {
    const d = o.detail;
    const diff = d?.previousVersionId ? `; compared with the previous version: ${d.diff.new} new, ${d.diff.resolved} resolved` : '';
    const head = d
      ? `${o.key} → ${d.agency ?? '(agency unknown)'} ${d.year ?? '(year unknown)'}: ${d.counts.error} error(s), ${d.counts.warning} warning(s), ${d.counts.info} info${diff}`
      : `${o.key} → not processed`;
    const link = d ? [`  report page: ${apiUrl}${viewPath(d.reportId, d.versionId)}`] : [];
    return [head, ...worstFindings(o), ...link].join('\n');
  });
  return `${blocks.join('\n\n')}\n\nThe year's reports: ${apiUrl}/`;
}

/** Draws `[#####.....] 12/40 label` on a TTY (carriage return), or a line every 10 % otherwise. */
export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  let last = -1;
  return (done: number) => {
    const ratio = total === 0 ? 1 : done / total;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}${done === total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== last) {
      last = decile;
      stream.write(`${done}/${total} ${label}\n`);
    }
  };
}
