import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchResultsSchema } from '../bench/results.ts';

describe('test/bench/results.json', () => {
  it('is the shape npm run bench writes (runs compared by a script)', () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'bench', 'results.json'), 'utf8'));
    const results = BenchResultsSchema.parse(raw);
    expect(results.pipeline.stored + results.pipeline.lost).toBe(results.pipeline.uploads);
    // The mix has every format, and the units and cost come from the same run.
    expect(Object.keys(results.dynamodb.wruByFormat).sort()).toEqual(['docx', 'html', 'pdf', 'txt']);
    expect(results.dynamodb.wruPerReport === null).toBe(results.costPer1000ReportsUsd === null);
  });
});
