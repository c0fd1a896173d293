import { describe, expect, it } from 'vitest';
import { createdObjects, decodeS3Key, encodeS3Key, parseNotification } from '../../functions/ingest/events.ts';
import { createdObjectsOf, sqsEventOf } from '../../local/s3-events.ts';

describe('encodeS3Key: keys as real S3 writes them into event notifications', () => {
  it.each([
    ['red flower.jpg', 'red+flower.jpg'], // the AWS documentation's example
    ['this im + age blah.txt', 'this+im+%2B+age+blah.txt'], // observed on real S3
    ['logs/year=2026/month=01/x.gz', 'logs/year%3D2026/month%3D01/x.gz'], // slashes kept, = escaped
    ['uploads/报告.pdf', 'uploads/%E6%8A%A5%E5%91%8A.pdf'],
    ['uploads/Screen Shot (1).png', 'uploads/Screen+Shot+%281%29.png'],
    ["a!b'c~d*e-f_g.h", 'a%21b%27c%7Ed*e-f_g.h'], // unlike encodeURIComponent: ! ' ~ escaped, * kept
    ['x:y;z,w&v?u#t', 'x%3Ay%3Bz%2Cw%26v%3Fu%23t'],
    ['100% 真', '100%25+%E7%9C%9F'],
    ['emoji 😀.txt', 'emoji+%F0%9F%98%80.txt'],
  ])('%s → %s', (key, encoded) => {
    expect(encodeS3Key(key)).toBe(encoded);
    expect(decodeS3Key(encoded)).toBe(key);
  });
});

describe('s3rver events → SQS-shaped S3 notifications', () => {
  const s3rverEvent = {
    Records: [
      {
        eventVersion: '2.0',
        eventSource: 'aws:s3',
        eventTime: '2026-11-29T06:00:00.000Z',
        eventName: 'ObjectCreated:Put',
        s3: { bucket: { name: 'nianbao-local' }, object: { key: 'uploads/黑龙江 报告 (2).txt', size: 42, eTag: 'abc123' } },
      },
    ],
  };

  it('keeps only created objects, with the raw key s3rver gives', () => {
    expect(createdObjectsOf(s3rverEvent)).toEqual([
      {
        bucket: 'nianbao-local',
        key: 'uploads/黑龙江 报告 (2).txt',
        size: 42,
        eTag: 'abc123',
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-11-29T06:00:00.000Z',
      },
    ]);
    const removed = { Records: [{ ...s3rverEvent.Records[0]!, eventName: 'ObjectRemoved:Delete' }] };
    expect(createdObjectsOf(removed)).toEqual([]);
    expect(createdObjectsOf({ not: 'an event' })).toEqual([]);
  });

  it('builds an SQS record whose body the ingest handler parses back to the raw key', () => {
    const [object] = createdObjectsOf(s3rverEvent);
    const event = sqsEventOf(object!, 2);
    expect(event.Records).toHaveLength(1);
    const record = event.Records[0]!;
    expect(record).toMatchObject({ eventSource: 'aws:sqs', attributes: { ApproximateReceiveCount: '2' } });
    const body = JSON.parse(record.body) as { Records: { s3: { object: { key: string } } }[] };
    expect(body.Records[0]!.s3.object.key).toBe('uploads/%E9%BB%91%E9%BE%99%E6%B1%9F+%E6%8A%A5%E5%91%8A+%282%29.txt');
    const notification = parseNotification(record.body);
    expect('Records' in notification && createdObjects(notification)).toEqual([
      { bucket: 'nianbao-local', key: 'uploads/黑龙江 报告 (2).txt', etag: 'abc123', eventTime: '2026-11-29T06:00:00.000Z' },
    ]);
  });
});
