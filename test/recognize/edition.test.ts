import { describe, expect, it } from 'vitest';
import { textToDocument } from '../../shared/extract/text.ts';
import { decideEdition } from '../../shared/recognize/edition.ts';
import { recognize } from '../../shared/recognize/index.ts';

const T2_2021 = ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0'];
const T2_2019 = ['第二十条第（一）项', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '规章\t0\t0\t0'];

function report(year: number, table: string[], extra: string[] = []) {
  const text = [`某局${year}年政府信息公开工作年度报告`, '一、总体情况', '概况。', '二、主动公开政府信息情况', ...table, ...extra].join(
    '\n',
  );
  return recognize(textToDocument(text));
}

describe('edition detection (docs/template.md "Editions"', () => {
  it('2021 markers in table 二', () => {
    const r = report(2022, T2_2021);
    expect(r.edition).toBe('2021');
    expect(r.recognition.editionBasis).toBe('markers');
    expect(r.recognition.editionMarkers['2021']).toEqual(['本年制发件数', '本年废止件数', '现行有效件数']);
  });

  it('2019 markers win over the year (wrong edition used in 2021 is kept, not re-parsed)', () => {
    const r = report(2021, T2_2019);
    expect(r.edition).toBe('2019');
    expect(r.cells['s2.regulations.made']).toBe(0);
    expect(r.recognition.editionMarkers['2019']).toContain('本年新制作数量');
  });

  it('2019 markers split across cells still count (本年新 / 制作数量)', () => {
    const r = report(2020, [
      '第二十条第(一)项',
      '信息内容',
      '本年新',
      '制作数量',
      '本年新',
      '公开数量',
      '对外公开总数量',
      '规章',
      '1',
      '2',
      '3',
    ]);
    expect(r.edition).toBe('2019');
    expect(r.cells['s2.regulations.total']).toBe(3);
  });

  it('table 三 row (六) with numbers of its own and no children is a 2019 marker; the 2021 children are 2021 markers', () => {
    const t3 = (rows: string[]) => ['三、收到和处理政府信息公开申请情况', '申请人情况', ...rows];
    const r2019 = report(2020, [], t3(['(六)其他处理\t1\t0\t0\t0\t0\t0\t1']));
    expect(r2019.recognition.editionMarkers['2019']).toContain('（六）其他处理');
    expect(r2019.cells['s3.other.natural']).toBe(1);
    const r2021 = report(2022, [], t3(['(六)其他处理\t\t\t\t\t\t\t', '3.其他\t2\t0\t0\t0\t0\t0\t2']));
    expect(r2021.edition).toBe('2021');
    expect(r2021.cells['s3.other.other.total']).toBe(2);
  });

  it('no marker: the year decides; no year: null', () => {
    expect(decideEdition({ '2019': [], '2021': [] }, 2020)).toMatchObject({ edition: '2019', basis: 'year' });
    expect(decideEdition({ '2019': [], '2021': [] }, 2023)).toMatchObject({ edition: '2021', basis: 'year' });
    expect(decideEdition({ '2019': [], '2021': [] }, null)).toMatchObject({ edition: null, basis: 'none' });
  });

  it('both editions: the one with more markers', () => {
    expect(decideEdition({ '2019': ['本年新制作数量'], '2021': ['本年制发件数', '本年处理决定数量'] }, 2020).edition).toBe('2021');
  });
});

describe('table 二 without its title rows', () => {
  it('sub-tables are found from their row labels', () => {
    const r = report(2022, [
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t0\t0',
      '行政规范性文件\t2\t1\t9',
      '信息内容\t本年处理决定数量',
      '行政许可\t31',
      '行政处罚\t4',
      '行政强制\t0',
      '行政事业性收费\t1.5',
    ]);
    expect(r.recognition.tables.map((t) => t.id)).toEqual(['t2.1', 't2.5', 't2.6', 't2.8']);
    expect(r.cells).toMatchObject({
      's2.normative.valid': 9,
      's2.license.decisions': 31,
      's2.penalty.decisions': 4,
      's2.coercion.decisions': 0,
      's2.fees.amount': 1.5,
    });
  });
});

describe('table boundaries', () => {
  it('a table in section 六 does not run on into table 四', () => {
    const r = report(2022, T2_2021, [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政诉讼',
      '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
      '六、其他需要报告的事项',
      '收费项目\t金额',
      '信息处理费\t0',
    ]);
    expect(r.recognition.tables.find((t) => t.id === 't4')).toMatchObject({ section: 4, extraRows: [] });
    expect(r.cells['s4.litigation_after_review.total']).toBe(0);
    expect(r.recognition.tables.map((t) => t.id)).toEqual(['t2.1', 't4']);
  });
});
