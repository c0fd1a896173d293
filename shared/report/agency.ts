/**
 * Agency identity across years (docs/template.md "Arithmetic" "Identity of the same agency"): a normalized name, and a
 * three-way comparison. Cross-year rules run only on 'same'; 'uncertain' (a renamed, merged or
 * loosely written agency) gives no history finding rather than a false one.
 */
import { toSimplified } from './traditional.ts';

/** Bracketed annotations: （原XX局）, (挂XX牌子), 【…】, [...], 〔…〕. */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|《[^《》]*》/g;
/** Whitespace, separators and punctuation that never distinguish two agencies. */
const NOISE = /[\s\u00a0\u3000\u200b\ufeff·・.,，、。:：;；"'“”‘’「」『』\-—_]/g;

/**
 * A comparable agency name: NFKC (full-width forms), traditional → simplified, bracketed
 * annotations dropped, whitespace and punctuation removed, and 人民政府 → 政府.
 *
 * 人民政府 → 政府: every level of people's government is routinely called 政府 in its own
 * documents (县政府办公室 for 县人民政府办公室, 市政府 for 市人民政府); the two forms never name
 * different bodies, while nothing else in an agency name is abbreviated that regularly.
 */
export function normalizeAgency(name: string): string {
  let out = toSimplified(name.normalize('NFKC'));
  // Drop annotations repeatedly (nested brackets are rare but cheap to handle).
  for (let i = 0; i < 3; i++) {
    const next = out.replace(BRACKETED, '');
    if (next === out) break;
    out = next;
  }
  return out.replace(NOISE, '').replace(/人民政府/g, '政府');
}

export type AgencyIdentity = 'same' | 'different' | 'uncertain';

/**
 * A place prefix ending in an administrative-division word, before the body's own name:
 * `法库县` in `法库县自然资源局`. A name with one is specific enough to be matched against a
 * longer name that only adds the higher levels (`沈阳市法库县自然资源局`).
 */
const PLACE_PREFIX = /^.+?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|州|地区|盟|县|区|旗|镇|乡|街道|苏木)/;

/** One level of a place chain: a short name and its division word (广州市, 荔湾区, 南源街道). */
const PLACE_LEVEL = /^[^政局委办厅府]{1,6}?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|州|地区|盟|县|区|旗|镇|乡|街道|苏木)/;

/** The chain of places a normalized name starts with (`广州市荔湾区` of `广州市荔湾区政府南源街道办事处`). */
function placeChain(name: string): string {
  let rest = name;
  let out = '';
  for (let m = PLACE_LEVEL.exec(rest); m && m[0].length < rest.length && !NOT_A_PLACE.test(m[0]); m = PLACE_LEVEL.exec(rest)) {
    out += m[0];
    rest = rest.slice(m[0].length);
  }
  return out;
}

/** Words ending in a division character that are not places (城市管理局, 社区服务中心). */
const NOT_A_PLACE = /(?:城市|社区|园区|景区|小区)$/;

/** Levenshtein distance, bounded (returns limit + 1 when larger). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Whether two agency names denote the same body.
 *
 * - 'same': equal after normalizeAgency, or one is the other with higher levels of the place
 *   prefixed (`法库县自然资源局` ⊂ `沈阳市法库县自然资源局`) and the shorter still has a place.
 * - 'uncertain': a name is missing; one name contains the other without that guarantee
 *   (`自然资源局` vs `法库县自然资源局`); or, in the same place, the names differ by one or two
 *   characters (a typo, an unmapped traditional character, or a renamed body such as 国土资源局
 *   → 自然资源局 after the 2018 机构改革 — docs/template.md "Arithmetic" asks for no finding rather than a false one).
 * - 'different': anything else (in particular two different places).
 */
export function sameAgency(a: string | null | undefined, b: string | null | undefined): AgencyIdentity {
  if (!a || !b) return 'uncertain';
  const x = normalizeAgency(a);
  const y = normalizeAgency(b);
  if (x.length === 0 || y.length === 0) return 'uncertain';
  if (x === y) return 'same';
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.endsWith(short)) {
    const place = PLACE_PREFIX.exec(short);
    // The shorter name must keep a place and a body name after it.
    const specific = place && place[0].length < short.length && !NOT_A_PLACE.test(place[0]);
    return specific ? 'same' : 'uncertain';
  }
  if (long.includes(short)) return 'uncertain';
  // Different places are different agencies, however alike the rest of the names.
  const px = placeChain(x);
  const py = placeChain(y);
  if (px && py && px !== py) return 'different';
  return distance(x, y, 2) <= 2 ? 'uncertain' : 'different';
}
