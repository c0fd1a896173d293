/**
 * Bundle-only stand-in for `zod` (the esbuild alias in infra/constructs/bundled-function.ts and
 * test/bench/api.ts; never imported by source code, and type-checking still uses the real zod).
 *
 * zod's own entry builds `z` as a namespace object of everything it exports, including
 * `z.locales` and `z.core` (whose namespace holds the locales again): esbuild cannot shake a
 * namespace object, so all of zod's locale message tables (~250 KiB of a ~830 KiB API bundle)
 * were compiled on every cold start. This `z` is the same object minus those two members, which
 * nothing in the project reads (English messages are configured by zod itself). Named imports
 * are re-exported unchanged. Regenerate the list when zod is upgraded: every export of zod except
 * z, default, locales and core.
 */
import {
  $brand, $input, $output, INVALID, NEVER, TimePrecision, ZodAny, ZodArray, ZodBase64, ZodBase64URL,
  ZodBigInt, ZodBigIntFormat, ZodBoolean, ZodCIDRv4, ZodCIDRv6, ZodCUID, ZodCUID2, ZodCatch, ZodCodec,
  ZodCompileAsyncError, ZodCompileUnsupportedError, ZodCreditCard, ZodCustom, ZodCustomStringFormat, ZodDate,
  ZodDefault, ZodDiscriminatedUnion, ZodE164, ZodEmail, ZodEmoji, ZodEnum, ZodError, ZodExactOptional,
  ZodFile, ZodFirstPartyTypeKind, ZodFunction, ZodGUID, ZodIBAN, ZodIPv4, ZodIPv6, ZodISODate,
  ZodISODateTime, ZodISODuration, ZodISOTime, ZodInstanceOf, ZodIntersection, ZodIssueCode, ZodJWT, ZodKSUID,
  ZodLazy, ZodLiteral, ZodMAC, ZodMap, ZodNaN, ZodNanoID, ZodNever, ZodNonOptional, ZodNull, ZodNullable,
  ZodNumber, ZodNumberFormat, ZodObject, ZodOptional, ZodPipe, ZodPrefault, ZodPreprocess, ZodPromise,
  ZodReadonly, ZodRealError, ZodRecord, ZodSet, ZodString, ZodStringFormat, ZodSuccess, ZodSymbol,
  ZodTemplateLiteral, ZodTransform, ZodTuple, ZodType, ZodULID, ZodURL, ZodUUID, ZodUndefined, ZodUnion,
  ZodUnknown, ZodVoid, ZodXID, ZodXor, _ZodString, _default, _function, any, array, base64, base64url,
  bigint, boolean, catch as zod_catch, check, cidrv4, cidrv6, clone, codec, coerce, compile, config,
  creditCard, cuid, cuid2, currencyCode, custom, date, decode, decodeAsync, deepPartial, describe,
  discriminatedUnion, e164, email, emoji, encode, encodeAsync, endsWith, enum as zod_enum, exactOptional,
  file, flattenError, float32, float64, formatError, fromJSONSchema, function as zod_function,
  getDiscriminatedOption, getErrorMap, globalRegistry, gt, gte, guid, hash, hex, hostname, httpUrl, iban,
  includes, input, instanceof as zod_instanceof, int, int32, int64, intersection, invertCodec, ipv4, ipv6,
  iso, json, jwt, keyof, ksuid, lazy, length, literal, looseObject, looseRecord, lowercase, lt, lte, mac,
  map, maxLength, maxSize, memoizer, meta, mime, minLength, minSize, multipleOf, nan, nanoid, nativeEnum,
  negative, never, nonnegative, nonoptional, nonpositive, normalize, null as zod_null, nullable, nullish,
  number, object, optional, output, overwrite, parse, parseAsync, partialRecord, pipe, positive, prefault,
  preprocess, prettifyError, promise, properties, property, readonly, record, refine, regex, regexes,
  registry, safeDecode, safeDecodeAsync, safeEncode, safeEncodeAsync, safeParse, safeParseAsync, set,
  setErrorMap, size, slugify, startsWith, strictObject, string, stringFormat, stringbool, success,
  superRefine, symbol, templateLiteral, toJSONSchema, toLowerCase, toUpperCase, toZod, transform,
  treeifyError, trim, tuple, uint32, uint64, ulid, undefined as zod_undefined, union, unknown, uppercase,
  url, util, uuid, uuidv4, uuidv6, uuidv7, validate, validateAsync, void as zod_void, withParser, xid, xor,
} from '../../node_modules/zod/v4/classic/external.js';

export * from '../../node_modules/zod/v4/classic/external.js';

export const z = {
  $brand, $input, $output, INVALID, NEVER, TimePrecision, ZodAny, ZodArray, ZodBase64, ZodBase64URL,
  ZodBigInt, ZodBigIntFormat, ZodBoolean, ZodCIDRv4, ZodCIDRv6, ZodCUID, ZodCUID2, ZodCatch, ZodCodec,
  ZodCompileAsyncError, ZodCompileUnsupportedError, ZodCreditCard, ZodCustom, ZodCustomStringFormat, ZodDate,
  ZodDefault, ZodDiscriminatedUnion, ZodE164, ZodEmail, ZodEmoji, ZodEnum, ZodError, ZodExactOptional,
  ZodFile, ZodFirstPartyTypeKind, ZodFunction, ZodGUID, ZodIBAN, ZodIPv4, ZodIPv6, ZodISODate,
  ZodISODateTime, ZodISODuration, ZodISOTime, ZodInstanceOf, ZodIntersection, ZodIssueCode, ZodJWT, ZodKSUID,
  ZodLazy, ZodLiteral, ZodMAC, ZodMap, ZodNaN, ZodNanoID, ZodNever, ZodNonOptional, ZodNull, ZodNullable,
  ZodNumber, ZodNumberFormat, ZodObject, ZodOptional, ZodPipe, ZodPrefault, ZodPreprocess, ZodPromise,
  ZodReadonly, ZodRealError, ZodRecord, ZodSet, ZodString, ZodStringFormat, ZodSuccess, ZodSymbol,
  ZodTemplateLiteral, ZodTransform, ZodTuple, ZodType, ZodULID, ZodURL, ZodUUID, ZodUndefined, ZodUnion,
  ZodUnknown, ZodVoid, ZodXID, ZodXor, _ZodString, _default, _function, any, array, base64, base64url,
  bigint, boolean, catch: zod_catch, check, cidrv4, cidrv6, clone, codec, coerce, compile, config,
  creditCard, cuid, cuid2, currencyCode, custom, date, decode, decodeAsync, deepPartial, describe,
  discriminatedUnion, e164, email, emoji, encode, encodeAsync, endsWith, enum: zod_enum, exactOptional, file,
  flattenError, float32, float64, formatError, fromJSONSchema, function: zod_function,
  getDiscriminatedOption, getErrorMap, globalRegistry, gt, gte, guid, hash, hex, hostname, httpUrl, iban,
  includes, input, instanceof: zod_instanceof, int, int32, int64, intersection, invertCodec, ipv4, ipv6, iso,
  json, jwt, keyof, ksuid, lazy, length, literal, looseObject, looseRecord, lowercase, lt, lte, mac, map,
  maxLength, maxSize, memoizer, meta, mime, minLength, minSize, multipleOf, nan, nanoid, nativeEnum,
  negative, never, nonnegative, nonoptional, nonpositive, normalize, null: zod_null, nullable, nullish,
  number, object, optional, output, overwrite, parse, parseAsync, partialRecord, pipe, positive, prefault,
  preprocess, prettifyError, promise, properties, property, readonly, record, refine, regex, regexes,
  registry, safeDecode, safeDecodeAsync, safeEncode, safeEncodeAsync, safeParse, safeParseAsync, set,
  setErrorMap, size, slugify, startsWith, strictObject, string, stringFormat, stringbool, success,
  superRefine, symbol, templateLiteral, toJSONSchema, toLowerCase, toUpperCase, toZod, transform,
  treeifyError, trim, tuple, uint32, uint64, ulid, undefined: zod_undefined, union, unknown, uppercase, url,
  util, uuid, uuidv4, uuidv6, uuidv7, validate, validateAsync, void: zod_void, withParser, xid, xor,
};
export default z;
