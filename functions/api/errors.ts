/**
 * API errors: one envelope `{ "error": { "code", "message" } }` for every failure, rendered by
 * @middy/http-error-handler. Anything that is not an ApiError becomes a bare 500 whose body says
 * nothing about the internals (the original is logged, never returned).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { InvalidCursor } from '../../shared/adapters/dynamodb/cursor.ts';

export const ERROR_CODES = [
  'invalid_parameter',
  'invalid_cursor',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'too_large',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string().min(1),
    }),
  })
  .describe('Every error response: a stable machine code and an English message.');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error meant for the caller. `statusCode` + `expose` are what @middy/http-error-handler reads. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly expose = true;
  readonly headers: Record<string, string>;
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly detail: string,
    headers: Record<string, string> = {},
  ) {
    // http-error-handler sends `message` as the body: make it the JSON envelope.
    super(JSON.stringify({ error: { code, message: detail } } satisfies ErrorBody));
    this.headers = headers;
  }
}

export const badParameter = (detail: string) => new ApiError(400, 'invalid_parameter', detail);
export const badCursor = (detail: string) => new ApiError(400, 'invalid_cursor', detail);
export const notFound = (detail: string) => new ApiError(404, 'not_found', detail);
export const tooLarge = (detail: string) => new ApiError(413, 'too_large', detail);

/** The body http-error-handler sends for anything unexpected. */
export const INTERNAL_ERROR_BODY = JSON.stringify({
  error: { code: 'internal_error', message: 'Internal server error' },
} satisfies ErrorBody);

/** Formats a zod error as one line naming each offending parameter. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(parameters)';
      if (issue.code === 'unrecognized_keys') return `unknown parameter(s): ${issue.keys.join(', ')}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export type ErrorLogger = (error: unknown) => void;

/** The API's Powertools logger (structured JSON lines, like the ingest function's). */
export const apiLogger = new Logger({ serviceName: 'nianbao-api' });

/** Logs unexpected errors with their stack; caller errors (ApiError) are answers, not incidents. */
export const defaultErrorLogger: ErrorLogger = (error) => {
  if (error instanceof ApiError) return;
  apiLogger.error('unhandled API error', error instanceof Error ? error : new Error(String(error)));
};

/**
 * Runs before http-error-handler (middy runs onError middlewares in reverse order of `use`):
 * maps store-level errors (an invalid cursor) onto ApiErrors, logs the unexpected ones.
 */
export function errorMapping(logger: ErrorLogger): MiddlewareObj<unknown, APIGatewayProxyResultV2> {
  return {
    onError: async (request) => {
      if (request.error instanceof InvalidCursor) {
        request.error = badCursor(request.error.message);
        return;
      }
      logger(request.error);
    },
  };
}
