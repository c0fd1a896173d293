import { describe, expect, it } from 'vitest';
import { normalizeAgency, sameAgency } from '../../../shared/report/agency.ts';

describe('normalizeAgency', () => {
  it.each([
    ['法库县 自然资源局', '法库县自然资源局'],
    ['法库县\u3000自然资源局\n', '法库县自然资源局'],
    ['ＸＸ县自然资源局', 'XX县自然资源局'],
    ['撫遠市自然資源局', '抚远市自然资源局'],
    ['漢陽區人民政府辦公室', '汉阳区政府办公室'],
    ['孝感市人民政府办公室', '孝感市政府办公室'],
    ['示例县政务服务和大数据管理局（县行政审批局）', '示例县政务服务和大数据管理局'],
    ['示例县卫生健康局(挂县中医药管理局牌子)', '示例县卫生健康局'],
    ['【示例】县统计局', '县统计局'],
    ['“示例”镇人民政府', '示例镇政府'],
  ])('%s → %s', (name, normalized) => {
    expect(normalizeAgency(name)).toBe(normalized);
  });
});

describe('sameAgency', () => {
  it.each([
    // same
    ['法库县自然资源局', '法库县 自然资源局', 'same'],
    ['广州市荔湾区人民政府南源街道办事处', '广州市荔湾区政府南源街道办事处', 'same'],
    ['撫遠市自然資源局', '抚远市自然资源局', 'same'],
    ['沈阳市法库县自然资源局', '法库县自然资源局', 'same'],
    ['桃江县松木塘镇人民政府', '松木塘镇人民政府', 'same'],
    ['示例县卫生健康局（县中医药管理局）', '示例县卫生健康局', 'same'],
    // uncertain: no name, no place, near miss, renamed body
    [null, '法库县自然资源局', 'uncertain'],
    ['法库县自然资源局', '', 'uncertain'],
    ['自然资源局', '法库县自然资源局', 'uncertain'],
    ['城市管理局', '示例县城市管理局', 'uncertain'],
    ['法库县自然资源局', '法库县自然资源分局', 'uncertain'],
    ['法库县国土资源局', '法库县自然资源局', 'uncertain'],
    ['太平镇人民政府', '西乡县太平镇人民政府办公室', 'uncertain'],
    // different
    ['法库县自然资源局', '宁强县自然资源局', 'different'],
    ['广州市荔湾区政府办公室', '广州市天河区政府办公室', 'different'],
    ['法库县自然资源局', '法库县卫生健康局', 'different'],
    ['孝感市人民政府办公室', '黑龙江省工业和信息化厅', 'different'],
    ['桦川县卫生健康局', '万源市玉带乡人民政府', 'different'],
  ] as const)('%s ~ %s → %s', (a, b, expected) => {
    expect(sameAgency(a, b)).toBe(expected);
    expect(sameAgency(b, a)).toBe(expected);
  });
});
