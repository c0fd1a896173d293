/**
 * The export function: the same router as the API function with the xlsx/CSV writers, behind the
 * HTTP API's `GET /reports/export` route. A function of its own so that exceljs (about 1.4 MB
 * bundled) and the year's reads stay out of the API function's cold start and memory.
 */
import { toCsv, toXlsx } from '../../shared/render/workbook.ts';
import { type ApiHandler, lambdaEntry } from '../api/handler.ts';

export const handler: ApiHandler = lambdaEntry({ toXlsx, toCsv });
