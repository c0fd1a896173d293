/**
 * Pinyin that mirror sites insert after characters (`數(shù)據`, `規(guī)章`, `發(fā)布`): removed
 * where the parenthesized syllable is a reading of the character before it, as pinyin-pro knows
 * the character's readings (Traditional characters included); any other parenthesis stays (real
 * parentheses of the report, `(一)`, `(单位:万元)`). The text keeps its lines.
 *
 * pinyin-pro takes tens of milliseconds to load: it is imported only for a text that has such an
 * annotation (extract() asks mayHavePinyin first), which most reports never do.
 */
const ANNOTATED = /([\u3400-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6})\)/g;

/** True when the text has a character followed by a parenthesized syllable. */
export function mayHavePinyin(text: string): boolean {
  ANNOTATED.lastIndex = 0;
  return ANNOTATED.test(text);
}

/** A function removing the annotations that read the character before them (loads pinyin-pro). */
export async function pinyinRemover(): Promise<(text: string) => string> {
  const { pinyin } = await import('pinyin-pro');
  return (text) =>
    text.replace(ANNOTATED, (whole, ch: string, syllable: string) =>
      (pinyin(ch, { multiple: true, type: 'array' }) as string[]).includes(syllable) ? ch : whole,
    );
}
