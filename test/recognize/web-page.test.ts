/**
 * What web pages add around a report: a page <title> carrying the site's name, a title typed with
 * full-width digits, and header words wrapped inside one cell (`信息<br>内容`, `法人或其<br>他组织`),
 * which are not extra columns.
 */
import { describe, expect, it } from 'vitest';
import { textToDocument } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';
import type { Block, Document } from '../../shared/report/model.ts';

const TITLE = '某市生态环境局2020年政府信息公开工作年度报告';
const BODY = ['一、总体情况', '2020年，我局全年主动公开政府信息1260条。', '二、主动公开政府信息情况'];

/** A page whose <title> is `pageTitle`, with the report title (or not) as its first line. */
function page(pageTitle: string, bodyTitle?: string): Document {
  const doc = textToDocument([...(bodyTitle ? [bodyTitle] : []), ...BODY].join('\n'));
  return { ...doc, format: 'html', title: pageTitle };
}

describe('page <title> with the site name', () => {
  it.each([
    [`某市生态环境局--${TITLE}`],
    [`${TITLE}_政务公开_某市生态环境局门户网站`],
    [`${TITLE} - 某市人民政府`],
    [`某市人民政府门户网站｜${TITLE}`],
  ])('%s: the report title and its agency', (pageTitle) => {
    for (const r of [recognize(page(pageTitle, TITLE)), recognize(page(pageTitle))]) {
      expect(r.title).toBe(TITLE);
      expect(r.agency).toBe('某市生态环境局');
      expect(r.year).toBe(2020);
    }
  });

  it('a <title> naming only the site leaves the title to the body', () => {
    const r = recognize(page('某市人民政府门户网站', TITLE));
    expect(r.title).toBe(TITLE);
    expect(r.agency).toBe('某市生态环境局');
  });

  it('full-width digits in the title year (２０２０年) give the title, its agency and the year', () => {
    const fw = '某市生态环境局２０２０年政府信息公开工作年度报告';
    for (const r of [recognize(page(fw, fw)), recognize(page('某市人民政府门户网站', fw))]) {
      expect(r.title).toBe(fw);
      expect(r.agency).toBe('某市生态环境局');
      expect(r.year).toBe(2020);
      expect(r.recognition.years.title).toBe(2020);
    }
  });

  it('a title with a dash inside a word is kept whole', () => {
    const r = recognize(page('某市生态环境局2020年政府信息公开工作年度报告-终稿'));
    expect(r.title).toBe('某市生态环境局2020年政府信息公开工作年度报告-终稿');
    expect(r.agency).toBe('某市生态环境局');
  });
});

describe('header words wrapped inside one cell', () => {
  it('table 二: 信息<br>内容 is the label column, not an extra column', () => {
    const r = recognize(
      textToDocument(
        [
          TITLE,
          '二、主动公开政府信息情况',
          '第二十条第（一）项',
          '信息 内容\t本年新 制作数量\t本年新公开数量\t对外公开总数量',
          '规章\t0\t0\t0',
          '规范性文件\t3\t3\t25',
          '三、收到和处理政府信息公开申请情况',
        ].join('\n'),
      ),
    );
    const t = r.recognition.tables.find((x) => x.id === 't2.1')!;
    expect(t.extraColumns).toEqual([]);
    expect(t.missingColumns).toEqual([]);
    expect(r.cells['s2.normative.total']).toBe(25);
    // a column label wrapped by the cell is the template's own label: no variant (issue 14, family 13)
    expect(r.recognition.labelVariants).toEqual([]);
  });

  it('table 三: 法人或其<br>他组织 and 申请人<br>情况 are not columns; the values keep their columns', () => {
    const r = recognize(
      textToDocument(
        [
          TITLE,
          '三、收到和处理政府信息公开申请情况',
          '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人 情况',
          '自然人\t法人或其 他组织\t总计',
          '商业 企业\t科研 机构\t社会公益 组织\t法律服务 机构\t其他',
          '一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t2\t6',
          '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
          '四、政府信息公开行政复议、行政诉讼情况',
        ].join('\n'),
      ),
    );
    const t = r.recognition.tables.find((x) => x.id === 't3')!;
    expect(t.extraColumns).toEqual([]);
    expect(t.missingColumns).toEqual([]);
    expect(r.cells).toMatchObject({
      's3.new_received.natural': 3,
      's3.new_received.commercial': 1,
      's3.new_received.other_org': 2,
      's3.new_received.total': 6,
    });
  });
});

describe("a section heading typed as a table's title row", () => {
  const cell = (text: string, span?: boolean) => ({ text, ...(span ? { span: true } : {}) });
  const titled = (heading: string, width: number, rest: string[][], blankTail = false): Block => ({
    kind: 'table',
    rows: [
      [cell(heading), ...Array.from({ length: width - 1 }, (_, i) => (blankTail && i === width - 2 ? cell('') : cell(heading, true)))],
      ...rest.map((r) => r.map((t) => cell(t))),
    ],
    source: { line: 1 },
  });
  const T2_ROWS = [
    ['第二十条第（一）项', '第二十条第（一）项', '第二十条第（一）项', '第二十条第（一）项'],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '2'],
  ];
  const doc = (tableTwo: Block, withParagraph: boolean): Document => {
    const head = [TITLE, '一、总体情况', '全年主动公开政府信息100条。', ...(withParagraph ? ['二、主动公开政府信息情况'] : [])];
    const d = textToDocument(head.join('\n'));
    const tail = textToDocument(
      [
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '无。',
        '六、其他需要报告的事项',
        '无。',
      ].join('\n'),
    );
    return { ...d, blocks: [...d.blocks, tableTwo, ...tail.blocks] };
  };

  it('is the heading of its section (merged over every column, or with a blank last cell)', () => {
    for (const blankTail of [false, true]) {
      const r = recognize(doc(titled('二、主动公开政府信息情况', 4, T2_ROWS, blankTail), false));
      expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(r.sections[1]).toMatchObject({ number: 2, heading: '二、主动公开政府信息情况', text: '' });
      expect(r.cells['s2.regulations.valid']).toBe(2);
    }
  });

  it('repeating the heading just above it is not a duplicate section', () => {
    const r = recognize(doc(titled('二、主动公开政府信息情况', 4, T2_ROWS), true));
    expect(r.recognition.headings.map((h) => h.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a first row with values, or a first cell that is no section heading, is no heading', () => {
    const values: Block = { kind: 'table', rows: [[cell('二、主动公开政府信息情况'), cell('3')]], source: { line: 1 } };
    expect(recognize(doc(values, false)).sections.map((s) => s.number)).toEqual([1, 3, 4, 5, 6]);
    const other = titled('主动公开情况统计表', 4, T2_ROWS);
    expect(recognize(doc(other, false)).sections.map((s) => s.number)).toEqual([1, 3, 4, 5, 6]);
  });
});
