import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, textToDocument } from '../../shared/extract/text.ts';
import { recognize } from '../../shared/recognize/index.ts';
import { InputProblem } from '../../shared/report/errors.ts';
import { type Document, ReportSchema } from '../../shared/report/model.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const read = (name: string) => recognize(extractText(new Uint8Array(readFileSync(join(fixtures, name)))));
const fromText = (text: string) => recognize(textToDocument(text));

describe('the seed report (heilongjiang-gxt-2022)', () => {
  const r = read('seed/heilongjiang-gxt-2022.txt');

  it('is a valid Report', () => {
    expect(ReportSchema.safeParse(r).success).toBe(true);
  });

  it('finds sections 1, 2, 3, 5, 6; 四 is missing; 三 is a variant heading', () => {
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 5, 6]);
    const s3 = r.sections.find((s) => s.number === 3)!;
    expect(s3).toMatchObject({ heading: '三、收到和处理政府信息公开情况', variant: true, numbered: true });
    expect(r.sections.filter((s) => s.number !== 3).every((s) => !s.variant)).toBe(true);
    expect(r.recognition.headings.map((h) => h.number)).toEqual([1, 2, 3, 5, 6]);
  });

  it('section texts are prose only; the preamble is the text before 一', () => {
    const s2 = r.sections.find((s) => s.number === 2)!;
    expect(s2.text).toBe('');
    expect(r.sections.find((s) => s.number === 6)!.text).toBe('2022 年，省工信厅未收取政府信息公开信息处理费。');
    expect(r.sections.find((s) => s.number === 1)!.text).toContain('（六）加强信息公开制度保障');
    expect(r.recognition.preamble.startsWith('按照《中华人民共和国政府信息公开条例》')).toBe(true);
    expect(r.recognition.preamble).not.toContain('年度政府信息公开工作报告\n');
  });

  it('metadata: title, agency, year, period, issuer kind', () => {
    expect(r.title).toBe('黑龙江省工业和信息化厅 2022 年度政府信息公开工作报告');
    expect(r.agency).toBe('黑龙江省工业和信息化厅');
    expect(r.year).toBe(2022);
    expect(r.issuerKind).toBe('department');
    expect(r.recognition.years).toEqual({ title: 2022, period: 2022 });
    expect(r.recognition.period).toMatchObject({
      text: '2022 年 1 月 1 日至 12 月 31 日',
      from: { year: 2022, month: 1, day: 1 },
      to: { month: 12, day: 31 },
      source: { line: 5 },
    });
  });

  it('edition 2021 from markers', () => {
    expect(r.edition).toBe('2021');
    expect(r.recognition.editionBasis).toBe('markers');
    expect(r.recognition.editionMarkers['2019']).toEqual([]);
  });

  it('tables: table 三 stops after 5.属于三类内部事务信息 (not cut: the text goes on); table 四 read from its 15 numbers', () => {
    const ids = r.recognition.tables.map((t) => t.id);
    expect(ids).toEqual(['t2.1', 't2.5', 't2.6', 't2.8', 't3', 't4']);
    const t3 = r.recognition.tables.find((t) => t.id === 't3')!;
    expect(t3.rows).toEqual([
      'new_received',
      'carried_over',
      'granted',
      'partial',
      'denied.state_secret',
      'denied.law_forbidden',
      'denied.three_safety',
      'denied.third_party',
      'denied.internal_affairs',
    ]);
    expect(t3.cut).toBe(false);
    expect(t3.missingColumns).toEqual([]);
    const t4 = r.recognition.tables.find((t) => t.id === 't4')!;
    expect(t4).toMatchObject({ section: 3, rows: ['review', 'litigation_direct', 'litigation_after_review'], missingColumns: [] });
    for (const g of ['review', 'litigation_direct', 'litigation_after_review']) {
      for (const c of ['upheld', 'corrected', 'other', 'pending', 'total']) expect(r.cells[`s4.${g}.${c}`]).toBe(0);
    }
    expect(r.recognition.tables.find((t) => t.id === 't2.8')!.headerUnits).toEqual({ amount: '万元' });
  });

  it('the alias 本年废止数量 is a label variant; every cell has its source line and raw text', () => {
    expect(r.recognition.labelVariants).toEqual([{ table: 't2.1', found: '本年废止数量', canonical: '本年废止件数' }]);
    expect(r.cellSources['s2.normative.valid']).toEqual({ raw: '70', line: 32 });
    expect(r.cellSources['s3.granted.total']).toEqual({ raw: '12', line: 52 });
    expect(Object.keys(r.cellSources).sort()).toEqual(Object.keys(r.cells).sort());
    expect(r.recognition.cellIssues).toEqual([]);
  });
});

describe('pre-2019 and non-reports', () => {
  it('a pre-2019 report is a Report with preTemplateLayout and its year', () => {
    const r = read('pre2019.txt');
    expect(r.year).toBe(2017);
    expect(r.recognition.preTemplateLayout).toBe(true);
    expect(r.edition).toBeNull();
    expect(r.recognition.tables).toEqual([]);
    expect(r.cells).toEqual({});
    expect(r.agency).toBe('某市环境保护局');
    expect(r.recognition.period).toMatchObject({ from: { year: 2017, month: 1, day: 1 }, to: { year: 2017, month: 12, day: 31 } });
  });

  it('a text that is not an annual report → I-NOT-A-REPORT', () => {
    const text = '关于做好春节期间安全生产工作的通知\n\n各单位：\n春节将至，请各单位切实做好安全生产工作，加强值班值守。\n\n特此通知。';
    let caught: unknown;
    try {
      fromText(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputProblem);
    expect((caught as InputProblem).ruleId).toBe('I-NOT-A-REPORT');
  });
});

describe('metadata', () => {
  it.each([
    ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 'general-office'],
    ['某市人民政府2021年政府信息公开工作年度报告', '某市人民政府', 'government'],
    ['某县某某镇人民政府2022年政府信息公开工作年度报告', '某县某某镇人民政府', 'township'],
    ['某区南源街道办事处2020年政府信息公开工作年度报告', '某区南源街道办事处', 'township'],
    ['某县自然资源局关于2021年度政府信息公开情况的报告', '某县自然资源局', 'department'],
    ['2022年政府信息公开工作年度报告', null, null],
  ])('title %s → agency %s (%s)', (title, agency, kind) => {
    const r = fromText(`${title}\n一、总体情况\n内容。`);
    expect(r.title).toBe(title);
    expect(r.agency).toBe(agency);
    expect(r.issuerKind).toBe(kind);
    expect(r.year).toBe(Number(/\d{4}/.exec(title)![0]));
  });

  it.each([
    ['某县交通运输局二〇二二年度政府信息公开工作年度报告', '某县交通运输局', 2022],
    ['某镇人民政府二○二一年政府信息公开工作年度报告', '某镇人民政府', 2021],
    ['二零二三年某市司法局政府信息公开工作年度报告', '某市司法局', 2023],
  ])('a title year in Chinese numerals: %s → %s, %i', (title, agency, year) => {
    const r = fromText(`${title}\n一、总体情况\n内容。`);
    expect(r.title).toBe(title);
    expect(r.agency).toBe(agency);
    expect(r.year).toBe(year);
  });

  it('agency from the preamble, else upload metadata; metadata issuer kind wins', () => {
    const pre = fromText('现公布某县统计局2022年政府信息公开工作年度报告。\n一、总体情况\n内容。');
    expect(pre.agency).toBe('某县统计局');
    const meta = recognize(textToDocument('一、总体情况\n2023年，我局主动公开信息。'), { agency: '某局', year: 2023, issuerKind: 'other' });
    expect(meta).toMatchObject({ agency: '某局', year: 2023, issuerKind: 'other' });
    expect(meta.recognition.years).toEqual({ metadata: 2023 });
  });

  it('without a title line, the report name inside the opening sentence is the title (faku)', () => {
    const r = read('corpus/faku_zrzyj_2022.txt');
    expect(r).toMatchObject({ title: '法库县自然资源局2022年政府信息公开工作年度报告', agency: '法库县自然资源局', year: 2022 });
    expect(r.recognition.preamble.startsWith('根据《中华人民共和国政府信息公开条例》')).toBe(true);
  });

  it('the period is not fooled by stripped dates or phone numbers (ningqiang)', () => {
    const r = read('corpus/ningqiang_zrzyj_2021.txt');
    expect(r.recognition.period).toBeUndefined();
    expect(r.year).toBe(2021);
  });

  it('period variants and page-chrome publication dates', () => {
    const r = fromText(
      '某局2022年政府信息公开工作年度报告\n发布时间: 2023-01-18 来源: 本站\n统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n内容。',
    );
    expect(r.recognition.period).toMatchObject({ text: '2022年1月1日起至2022年12月31日', to: { year: 2022, month: 12, day: 31 } });
    expect(r.publishedAt).toBe('2023-01-18');
    const doc: Document = { ...textToDocument('某局2022年政府信息公开工作年度报告\n一、总体情况\n内容。'), publishedAt: '2023-01-20' };
    expect(recognize(doc).publishedAt).toBe('2023-01-20');
  });
});

describe('format-agnostic recognition (blocks as an HTML or DOCX extractor would make them)', () => {
  const cell = (text: string, span = false) => (span ? { text, span: true } : { text });
  const doc: Document = {
    format: 'html',
    title: '2019年某市人民政府办公室政府信息公开工作年度报告',
    notices: [],
    blocks: [
      { kind: 'heading', text: '一、总体情况', source: { line: 1 } },
      { kind: 'paragraph', text: '本报告统计期限为2019年1月1日至2019年12月31日。', source: { line: 2 } },
      { kind: 'heading', text: '二、主动公开政府信息情况', source: { line: 3 } },
      {
        kind: 'table',
        source: { line: 4 },
        rows: [
          [cell('第二十条第（五）项'), cell('', true), cell('', true), cell('', true)],
          [cell('信息内容'), cell('上一年项目数量'), cell('本年增/减'), cell('处理决定数量')],
          [cell('行政许可'), cell('10'), cell('减4'), cell('3')],
          [cell('其他对外管理服务事项'), cell('+22'), cell('0'), cell('889')],
          [cell('第二十条第（九）项'), cell('', true), cell('', true), cell('', true)],
          [cell('信息内容'), cell('采购项目数量'), cell('采购总金额(万元)'), cell('', true)],
          [cell('政府集中采购'), cell('2'), cell('251000元'), cell('', true)],
        ],
      },
      { kind: 'heading', text: '三、收到和处理政府信息公开申请情况', source: { line: 5 } },
      {
        kind: 'table',
        source: { line: 6 },
        rows: [
          [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), cell('申请人情况')],
          [cell('（三）不予公开'), cell('1'), cell('0'), cell('0'), cell('0'), cell('0'), cell('0'), cell('1')],
          [cell('1.属于国家秘密'), cell('1'), cell('0'), cell('0'), cell('0'), cell('0'), cell('0'), cell('1')],
        ].map((r) => [...r, ...Array.from({ length: 8 - r.length }, () => cell('', true))]),
      },
      { kind: 'heading', text: '四、政府信息公开行政复议、行政诉讼情况', source: { line: 7 } },
      { kind: 'image', alt: '表四', source: { line: 8 } },
    ],
  };
  const r = recognize(doc);

  it('reads the container title, signed deltas, shifted cells, units and subtotal rows', () => {
    expect(r.title).toBe('2019年某市人民政府办公室政府信息公开工作年度报告');
    expect(r.agency).toBe('某市人民政府办公室');
    expect(r.edition).toBe('2019');
    expect(r.cells['s2.license.delta']).toBe(-4);
    expect(r.cells['s2.other_services.prev']).toBe(22);
    expect(r.cells['s2.procurement.amount']).toBe(25.1);
    expect(r.recognition.tables.find((t) => t.id === 't2.9')!.headerUnits).toEqual({ amount: '万元' });
    const issues = r.recognition.cellIssues.map((i) => `${i.key}:${i.issue}`);
    expect(issues).toEqual(['s2.other_services.prev:shifted', 's2.procurement.amount:unit-embedded']);
    const t3 = r.recognition.tables.find((t) => t.id === 't3')!;
    expect(t3.extraRows).toEqual([
      {
        label: '（三）不予公开',
        group: 'denied',
        values: { natural: 1, commercial: 0, research: 0, social: 0, legal: 0, other_org: 0, total: 1 },
        source: { line: 6 },
      },
    ]);
    expect(r.cells['s3.denied.state_secret.total']).toBe(1);
  });

  it('an image under section 四 with no table text is recorded', () => {
    expect(r.recognition.imageSections).toEqual([4]);
  });
});

describe('tables that must not yield values', () => {
  it('xiongxian (de-duplicated lines): no s2/s3/s4 values although labels are found', () => {
    const r = read('corpus/xiongxian_township_2019_dedup.txt');
    expect(Object.keys(r.cells).filter((k) => /^s[234]\./.test(k))).toEqual([]);
    expect(r.recognition.tables.find((t) => t.id === 't3')!.rows).toHaveLength(23);
    // The one surviving 0 cannot be placed: the row is reported as ambiguous.
    expect(r.recognition.tables.find((t) => t.id === 't2.1')!.ambiguousRows).toEqual(['regulations']);
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4]);
  });

  it('gongxian (headings 二/三/四 with nothing under them): no cells, no tables', () => {
    const r = read('corpus/gongxian_bureau_2020_tables_missing.txt');
    expect(r.cells).toEqual({});
    expect(r.recognition.tables).toEqual([]);
    expect(r.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.sections.find((s) => s.number === 6)!.text).toBe('无\n川公网安备 51152602000004号');
  });

  it('xiaogan: the local row 其他主动公开文件 is an extra row; the cut table says so', () => {
    const t21 = read('corpus/xiaogan_szfbgs_2020.txt').recognition.tables.find((t) => t.id === 't2.1')!;
    expect(t21.extraRows).toEqual([{ label: '其他主动公开文件', values: { made: 56, published: 45 }, source: { line: 16 } }]);
    expect(t21.cut).toBe(true);
  });
});

describe('sections and label variants', () => {
  it('duplicate headings are all recorded; sections are one per number in document order', () => {
    const r = fromText(
      [
        '某局2022年政府信息公开工作年度报告',
        '一、总体情况',
        '甲。',
        '二、主动公开政府信息情况',
        '乙。',
        '二、主动公开政府信息情况',
        '丙。',
        '其他事项',
        '无。',
      ].join('\n'),
    );
    expect(r.recognition.headings.map((h) => [h.number, h.numbered])).toEqual([
      [1, true],
      [2, true],
      [2, true],
      [6, false],
    ]);
    expect(r.sections.map((s) => [s.number, s.text])).toEqual([
      [1, '甲。'],
      [2, '乙。\n丙。'],
      [6, '无。'],
    ]);
    expect(r.sections[2]).toMatchObject({ variant: true, numbered: false });
  });

  it('规范性文件 in a 2021 table and 其他组织 are label variants (alias), values still mapped', () => {
    const r = fromText(
      [
        '某局2022年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '第二十条第（一）项',
        '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '规范性文件\t1\t0\t5',
        '三、收到和处理政府信息公开申请情况',
        '申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他组织\t总计',
        '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t2\t3',
      ].join('\n'),
    );
    expect(r.cells['s2.normative.valid']).toBe(5);
    expect(r.cells['s3.new_received.other_org']).toBe(2);
    expect(r.recognition.labelVariants.map((v) => [v.table, v.found, v.canonical])).toEqual([
      ['t2.1', '规范性文件', '行政规范性文件'],
      ['t3', '其他组织', '其他'],
    ]);
  });

  it('a short row in the middle of a table is ambiguous (a cell vanished): no values; at the cut end it is read in order', () => {
    const r = fromText(
      [
        '某局2022年政府信息公开工作年度报告',
        '三、收到和处理政府信息公开申请情况',
        '申请人情况',
        '一、本年新收政府信息公开申请数量',
        '1',
        '1',
        '二、上年结转政府信息公开申请数量',
        '0',
        '0',
        '0',
      ].join('\n'),
    );
    expect(Object.keys(r.cells).filter((k) => k.startsWith('s3.new_received'))).toEqual([]);
    expect(r.cells).toMatchObject({ 's3.carried_over.natural': 0, 's3.carried_over.commercial': 0, 's3.carried_over.research': 0 });
    expect(r.recognition.tables[0]).toMatchObject({
      id: 't3',
      cut: true,
      rows: ['new_received', 'carried_over'],
      ambiguousRows: ['new_received'],
    });
  });
});

describe('blocks with several lines', () => {
  it('a paragraph whose first line is a heading starts its section; the other lines are its text', () => {
    const doc: Document = {
      format: 'docx',
      notices: [],
      blocks: [
        { kind: 'paragraph', text: '某局2022年政府信息公开工作年度报告', source: { line: 1 } },
        { kind: 'paragraph', text: '一、总体情况\n2022年，我局主动公开信息。', source: { line: 2 } },
        { kind: 'paragraph', text: '六、其他需要报告的事项\n本年度未收取信息处理费。', source: { line: 3 } },
      ],
    };
    const r = recognize(doc);
    expect(r.sections.map((s) => [s.number, s.heading, s.text])).toEqual([
      [1, '一、总体情况', '2022年，我局主动公开信息。'],
      [6, '六、其他需要报告的事项', '本年度未收取信息处理费。'],
    ]);
  });
});
