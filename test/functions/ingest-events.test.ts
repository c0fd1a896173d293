import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createdObjects, decodeS3Key, encodeS3Key, isTestEvent, parseNotification } from '../../functions/ingest/events.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../events/${name}`, import.meta.url), 'utf8')) as { Records: { body: string }[] };

describe('S3 notifications in SQS messages', () => {
  it('decodes a Chinese key with spaces exactly as real S3 encodes it', () => {
    const [record] = fixture('sqs-s3-put-chinese-key.json').Records;
    const n = parseNotification(record!.body);
    expect(isTestEvent(n)).toBe(false);
    if (isTestEvent(n)) return;
    expect(n.Records[0]!.s3.object.key).toContain('+2022');
    expect(createdObjects(n)).toEqual([
      {
        bucket: 'nianbao-uploads',
        key: 'uploads/2022/黑龙江省工业和信息化厅 2022年报.txt',
        etag: 'ad386407a4ee15cb9ecc67473296ce3c',
        eventTime: '2026-11-29T06:00:00.000Z',
      },
    ]);
  });

  it.each([
    ['a+b.txt', 'a b.txt'],
    ['a%2Bb.txt', 'a+b.txt'],
    ['uploads/2021/%E6%9F%90%E6%9F%90%E5%8E%BF+2021+%E5%B9%B4%E6%8A%A5.txt', 'uploads/2021/某某县 2021 年报.txt'],
    ['100%25.txt', '100%.txt'],
    // Hostile keys (issue 18): a `%2F` in a key stays three characters, never a `/`; `..` and control characters stay as they are.
    ['uploads/a%252F..%252Fb.txt', 'uploads/a%2F..%2Fb.txt'],
    ['uploads/../../etc/passwd', 'uploads/../../etc/passwd'],
    ['uploads/a%0Ab%0D%00.txt', 'uploads/a\nb\r\u0000.txt'],
    [`uploads/${'x'.repeat(1016)}`, `uploads/${'x'.repeat(1016)}`],
  ])('decodeS3Key(%s) = %s, and back', (encoded, key) => {
    expect(decodeS3Key(encoded)).toBe(key);
    expect(encodeS3Key(key)).toBe(encoded);
  });

  it('recognizes the s3:TestEvent', () => {
    const n = parseNotification(fixture('sqs-s3-test-event.json').Records[0]!.body);
    expect(isTestEvent(n)).toBe(true);
  });

  it('reads every record of a multi-record batch', () => {
    const keys = fixture('sqs-multi-record.json').Records.flatMap((r) => {
      const n = parseNotification(r.body);
      return isTestEvent(n) ? [] : createdObjects(n).map((o) => o.key);
    });
    expect(keys).toEqual([
      'uploads/2022/黑龙江省工业和信息化厅/年报 2022.txt',
      'uploads/2021/某某县自然资源局 2021 年报（修订）.txt',
      'uploads/scan 001.pdf',
    ]);
  });

  it('rejects a body that is not an S3 notification', () => {
    expect(() => parseNotification('{"hello":"world"}')).toThrow();
    expect(() => parseNotification('not json')).toThrow();
  });
});
