/**
 * Edition detection from strong markers (docs/template.md "Editions", with the report year as fallback.
 */
import type { Recognition } from '../report/model.ts';
import { normalizeLabel } from '../report/normalize.ts';
import type { Edition } from '../report/template.ts';
import { matchT3Row } from './labels.ts';
import { type Capture, labelTexts, t3RowLabel } from './scan.ts';

const MARKERS: Record<Edition, readonly string[]> = {
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '政府集中采购',
    '采购项目数量',
    '采购总金额',
  ],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};

export interface EditionDecision {
  edition: Edition | null;
  basis: Recognition['editionBasis'];
  markers: Recognition['editionMarkers'];
}

/** Strong markers found in the captured tables. */
export function findMarkers(captures: readonly Capture[]): Recognition['editionMarkers'] {
  const found: Recognition['editionMarkers'] = { '2019': [], '2021': [] };
  const t2Text = captures
    .filter((c) => c.id.startsWith('t2'))
    .flatMap((c) => c.rows.flatMap((r) => labelTexts(r).map(normalizeLabel)))
    .join('');
  for (const ed of ['2019', '2021'] as const) {
    for (const m of MARKERS[ed]) if (t2Text.includes(m)) found[ed].push(m);
  }
  if (captures.some((c) => c.id === 't2.9')) found['2019'].push('第二十条第（九）项');
  const t3 = captures.find((c) => c.id === 't3');
  if (t3) {
    let otherWithValues = false;
    let children = false;
    for (const r of t3.rows) {
      const label = t3RowLabel(r);
      const m = label !== undefined ? matchT3Row(label) : undefined;
      if (!m) continue;
      if (m.key.startsWith('other.')) {
        children = true;
        if (!found['2021'].includes(m.canonical)) found['2021'].push(m.canonical);
      }
      if (m.key === 'other' && r.hasValues) otherWithValues = true;
    }
    if (otherWithValues && !children) found['2019'].push('（六）其他处理');
  }
  return found;
}

export function decideEdition(markers: Recognition['editionMarkers'], year: number | null): EditionDecision {
  const a = markers['2019'].length;
  const b = markers['2021'].length;
  if (a > 0 || b > 0) {
    let edition: Edition;
    if (a !== b) edition = a > b ? '2019' : '2021';
    else edition = year !== null && year <= 2020 ? '2019' : '2021';
    return { edition, basis: 'markers', markers };
  }
  if (year !== null) return { edition: year <= 2020 ? '2019' : '2021', basis: 'year', markers };
  return { edition: null, basis: 'none', markers };
}
