/**
 * The bundle-only zod stand-in (functions/api/zod-lean.ts, docs/decisions/zod-lean.md) is zod
 * minus `z.locales` and `z.core`: after a zod upgrade, an export missing from its list fails here
 * instead of failing inside a deployed bundle.
 */

import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import * as lean from '../../functions/api/zod-lean.ts';

describe('zod-lean', () => {
  it('exports every name zod exports', () => {
    expect(Object.keys(lean).sort()).toEqual(Object.keys(zod).sort());
  });

  it("has every member of zod's z except locales and core, the same values", () => {
    const missing = Object.keys(zod.z).filter((k) => !(k in lean.z));
    expect(missing.sort()).toEqual(['core', 'locales']);
    for (const k of Object.keys(lean.z)) expect((lean.z as Record<string, unknown>)[k]).toBe((zod.z as Record<string, unknown>)[k]);
  });
});
