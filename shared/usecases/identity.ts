/**
 * Who a report is from and for which year, before and after reading it: the key convention
 * `uploads/<year>/<agency>/<file>`, the upload's user metadata (`agency`, `year`), and what the
 * document itself says, which wins (docs/data-model.md, "Identity").
 */
import type { Report } from '../report/model.ts';
import type { IdentitySource } from './records.ts';

/** An agency and a year, either of which may be unknown. */
export interface PartialIdentity {
  agency?: string;
  year?: number;
}

const validYear = (year: number | null | undefined): year is number =>
  typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;

/**
 * The identity hints of the key convention `uploads/<year>/<agency>/<file>` (or `uploads/<year>/<file>`).
 * @returns the year and agency the key names; nothing for another layout or an implausible year
 */
export function identityFromKey(key: string): PartialIdentity {
  const parts = key.split('/');
  if (parts[0] !== 'uploads' || parts.length < 3) return {};
  const year = /^\d{4}$/.test(parts[1]!) ? Number(parts[1]) : undefined;
  if (!validYear(year)) return {};
  const agency = parts.length >= 4 ? parts[2]!.trim() : '';
  return agency ? { year, agency } : { year };
}

/** Decodes a user metadata value: RFC 2047 encoded words (S3's form for non-ASCII) or percent-encoding. */
export function decodeMetadataValue(value: string): string {
  let out = value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeURIComponentSafe(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, '%$1')),
  );
  if (/%[0-9a-f]{2}/i.test(out)) out = decodeURIComponentSafe(out);
  return out.trim();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The agency and year named by an upload's user metadata (`x-amz-meta-agency`, `x-amz-meta-year`). */
export function metadataOf(metadata: Record<string, string>): PartialIdentity {
  const out: PartialIdentity = {};
  const agency = metadata.agency ? decodeMetadataValue(metadata.agency) : '';
  if (agency) out.agency = agency;
  const yearText = metadata.year ? /^\s*(\d{4})(?!\d)/.exec(decodeMetadataValue(metadata.year))?.[1] : undefined;
  const year = yearText ? Number(yearText) : undefined;
  if (validYear(year)) out.year = year;
  return out;
}

/**
 * The identity of a processed upload: the document's own agency and year first, then the
 * metadata's, then the key's; `source` says where each came from.
 */
export function resolveIdentity(
  report: Report | undefined,
  metadata: PartialIdentity,
  fromKey: PartialIdentity,
): PartialIdentity & { source: IdentitySource } {
  const source: IdentitySource = {};
  const out: PartialIdentity & { source: IdentitySource } = { source };
  if (report?.agency?.trim()) [out.agency, source.agency] = [report.agency.trim(), 'document'];
  else if (metadata.agency) [out.agency, source.agency] = [metadata.agency, 'metadata'];
  else if (fromKey.agency) [out.agency, source.agency] = [fromKey.agency, 'key'];
  if (validYear(report?.year)) [out.year, source.year] = [report.year, 'document'];
  else if (metadata.year !== undefined) [out.year, source.year] = [metadata.year, 'metadata'];
  else if (fromKey.year !== undefined) [out.year, source.year] = [fromKey.year, 'key'];
  return out;
}
