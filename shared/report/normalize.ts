/**
 * Normalization for matching (docs/template.md "Reading a cell". Applied to labels and prose for matching only; the
 * original text is always kept for display.
 */

/**
 * Traditional → simplified, for the characters that occur in the template's headings and labels
 * and in the prose the rules read (mirror copies of reports are often in traditional script).
 * One character to one character, so offsets are preserved.
 */
const T2S_PAIRS =
  '總总體体況况動动開开務务資资處处請请議议訟讼題题進进報报條条項项規规範范製制廢废現现數数許许罰罚強强費费額额萬万單单採采購购計计結结轉转辦办與与類类屬属國国險险穩稳護护權权過过執执詢询關关沒没補补確确訪访舉举訴诉複复復复應应構构會会機机織织業业團团維维糾纠審审經经後后認认獲获決决這这區区內内問问發发於于為为係系門门戶户網网縣县鎮镇鄉乡廳厅級级員员統统間间無无產产礦矿劃划臺台證证據据標标準准繳缴納纳論论紀纪錄录個个們们對对時时將将實实責责運运營营設设專专當当從从來来還还廣广東东傳传聯联繫系電电話话郵邮編编號号漢汉陝陕細细擬拟頁页預预覽览圖图書书歸归檔档訊讯講讲評评創创點点鍵键優优質质態态勢势壓压際际別别齊齐導导領领協协調调監监訓训練练節节約约續续響响滿满據据衛卫愛爱溝沟門门環环境境徵征稅税務务醫医療疗藥药險险獎奖懲惩執执農农車车輛辆鐵铁陸陆橋桥質质貿贸財财經经濟济鬥斗黨党級级幹干傷伤礎础義义碼码腦脑雲云隨随參参數数龍龙黑黑撫抚頭头條条幾几張张樣样則则並并廠厂庫库價价値值邊边歲岁蘇苏齊齐贊赞選选舊旧義义驗验聞闻彙汇匯汇盡尽揮挥氣气緊紧線线級级廳厅備备註注説说説说嚴严識识誌志鎖锁簽签歷历習习風风響响職职樓楼區区屆届層层組组綜综績绩紹绍織织縮缩據据稱称畫画灣湾島岛壩坝囑嘱託托園园遞递啟启閱阅闢辟瀏浏覽览';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) {
  const t = T2S_PAIRS[i]!;
  const s = T2S_PAIRS[i + 1]!;
  if (t !== s) T2S.set(t, s);
}

/** Every traditional character of the mapping (all in the BMP, no regex metacharacters). */
const TRADITIONAL_CLASS = `[${[...T2S.keys()].join('')}]`;
const TRADITIONAL = new RegExp(TRADITIONAL_CLASS);
const TRADITIONAL_ALL = new RegExp(TRADITIONAL_CLASS, 'g');

/** Traditional characters of the template's vocabulary → simplified. Length-preserving. */
export function toSimplified(text: string): string {
  // A native scan; most text has no traditional character at all and is returned as is.
  return TRADITIONAL.test(text) ? text.replace(TRADITIONAL_ALL, (ch) => T2S.get(ch)!) : text;
}

/** True when the text has characters that the simplified mapping would change. */
export function hasTraditional(text: string): boolean {
  return TRADITIONAL.test(text);
}

const WHITESPACE = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const QUOTES = /[“”„‟「」『』"'‘’]/g;

/**
 * A label for matching: NFKC (full-width digits and punctuation → ASCII), traditional →
 * simplified, all whitespace removed, quotes unified to ", enumeration separators unified
 * (`1．` `1、` `1 .` → `1.`).
 */
const labelCache = new Map<string, string>();

export function normalizeLabel(text: string): string {
  // Labels repeat within and across reports; memoized (bounded), the function is pure.
  let n = labelCache.get(text);
  if (n === undefined) {
    n = normalizeLabelUncached(text);
    if (labelCache.size > 20000) labelCache.clear();
    labelCache.set(text, n);
  }
  return n;
}

function normalizeLabelUncached(text: string): string {
  return (
    toSimplified(text.normalize('NFKC'))
      .replace(WHITESPACE, '')
      .replace(QUOTES, '"')
      // Commas and enumeration commas inside a label are one mark (`逾期不补正, 行政机关` = `逾期不补正、行政机关`).
      .replace(/(?<!^\d+)[,，、]/g, '、')
      .replace(/^(\d+)[.、,．]/, '$1.')
      .replace(/[【〔]/g, '[')
      .replace(/[】〕]/g, ']')
  );
}

/** A label with a trailing parenthetical annotation removed: `现行有效件数(历史累计)` → `现行有效件数`. */
export function stripAnnotation(label: string): string {
  const stripped = label.replace(/\([^()]*\)$/, '');
  return stripped.length > 0 ? stripped : label;
}

/**
 * Prose for matching: NFKC, traditional → simplified, NBSP and other odd spaces → ordinary
 * space, runs of spaces collapsed. Line breaks are kept.
 */
export function normalizeProse(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/[ \t]+/g, ' ');
}
