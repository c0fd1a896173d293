import { describe, expect, it } from 'vitest';
import { createdObjects } from '../../functions/ingest/events.ts';
import { uploadTimeOf } from '../../shared/usecases/upload-time.ts';

const ref = { bucket: 'b', key: 'uploads/a.txt' };
const head = (lastModified?: string) => ({ size: 1, metadata: {}, ...(lastModified ? { lastModified } : {}) });

describe('upload time (orders two uploads of one report)', () => {
  it.each([
    {
      name: 'no event time: LastModified',
      eventTime: undefined,
      lastModified: '2026-12-07T01:50:12.000Z',
      expected: '2026-12-07T01:50:12.000Z',
    },
    {
      name: 'event within the second: its milliseconds',
      eventTime: '2026-12-07T01:50:12.345Z',
      lastModified: '2026-12-07T01:50:12.000Z',
      expected: '2026-12-07T01:50:12.345Z',
    },
    {
      name: 'event made later (a sweep, a replay): LastModified',
      eventTime: '2026-12-07T03:00:00.001Z',
      lastModified: '2026-12-07T01:50:12.000Z',
      expected: '2026-12-07T01:50:12.000Z',
    },
    {
      name: 'event equal to LastModified (the sweep)',
      eventTime: '2026-12-07T01:50:12.000Z',
      lastModified: '2026-12-07T01:50:12.000Z',
      expected: '2026-12-07T01:50:12.000Z',
    },
    { name: 'no LastModified: none', eventTime: '2026-12-07T01:50:12.345Z', lastModified: undefined, expected: undefined },
  ])('$name', ({ eventTime, lastModified, expected }) => {
    expect(uploadTimeOf({ ...ref, ...(eventTime ? { eventTime } : {}) }, head(lastModified))).toBe(expected);
  });

  it('two uploads within one second are ordered by their events', () => {
    const second = '2026-12-07T01:50:12.000Z';
    const first = uploadTimeOf({ ...ref, eventTime: '2026-12-07T01:50:12.120Z' }, head(second))!;
    const next = uploadTimeOf({ ...ref, eventTime: '2026-12-07T01:50:12.480Z' }, head(second))!;
    expect(first < next).toBe(true);
  });

  it('the S3 event gives its time to the object reference', () => {
    const objects = createdObjects({
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          eventTime: '2026-12-07T01:50:12.345Z',
          s3: { bucket: { name: 'b' }, object: { key: 'uploads/a.txt', eTag: '"abc"' } },
        },
      ],
    });
    expect(objects).toEqual([{ bucket: 'b', key: 'uploads/a.txt', etag: 'abc', eventTime: '2026-12-07T01:50:12.345Z' }]);
  });
});
