import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../local/config.ts';
import { displayWidth, table } from '../../local/format.ts';
import { uploadKey } from '../../local/uploads.ts';

describe('local stack configuration', () => {
  it('has fixed default ports and .nianbao under the working directory', () => {
    expect(configFromEnv({}, '/repo')).toEqual({
      ports: { s3: 4569, dynamodb: 4567, api: 3000, smtp: 2525, inbox: 1080 },
      dataDir: '/repo/.nianbao',
      bucket: 'nianbao-local',
      table: 'nianbao-local',
      ingestSamples: true,
    });
  });

  it('reads ports (0 = any free port), the data directory and the samples switch', () => {
    const c = configFromEnv(
      { NIANBAO_S3_PORT: '0', NIANBAO_API_PORT: '8080', NIANBAO_INBOX_PORT: '', NIANBAO_DATA_DIR: '/tmp/x', NIANBAO_SAMPLES: '0' },
      '/repo',
    );
    expect(c.ports).toEqual({ s3: 0, dynamodb: 4567, api: 8080, smtp: 2525, inbox: 1080 });
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.ingestSamples).toBe(false);
  });

  it.each([
    ['NIANBAO_S3_PORT', '70000'],
    ['NIANBAO_API_PORT', 'http'],
    ['NIANBAO_SAMPLES', 'yes'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => configFromEnv({ [name]: value })).toThrow();
  });
});

describe('console output helpers', () => {
  it.each([
    ['abc', 3],
    ['黑龙江', 6],
    ['（2）a', 6],
  ])('displayWidth(%s) = %i', (text, width) => expect(displayWidth(text)).toBe(width));

  it('lines up columns with Chinese text', () => {
    expect(
      table(
        ['agency', 'year'],
        [
          ['黑龙江省', '2022'],
          ['abc', '-'],
        ],
      ).split('\n'),
    ).toEqual(['agency    year', '--------  ----', '黑龙江省  2022', 'abc       -']);
  });

  it.each([
    ['/x/报告.pdf', '', 'uploads/报告.pdf'],
    ['a.txt', '2022/黑龙江省工业和信息化厅', 'uploads/2022/黑龙江省工业和信息化厅/a.txt'],
    ['a.txt', '/e2e/', 'uploads/e2e/a.txt'],
  ])('uploadKey(%s, %s) = %s', (file, prefix, key) => expect(uploadKey(file, prefix)).toBe(key));
});
