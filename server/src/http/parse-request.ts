import type { Context } from 'hono';
import type { z } from 'zod';
import { findJsonBoundsProblem } from '../../../lib/sync/json-bounds';
import { normaliseJson, normaliseText } from '../../../lib/sync/normalise-text';
import { badRequest } from './http-error';

/**
 * Everything a request says is read here, once: JSON bounded in depth and size (so no schema overflows the stack),
 * then every string normalised (PostgreSQL refuses U+0000 and lone surrogates), then checked by zod.
 */

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/** Parses `input` with `schema`, or throws a 400 whose message names the first problem and lists all of them. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const first = issues[0];
  const count = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw badRequest(`Invalid ${what}: ${first?.path}: ${first?.message}${count}`, issues.slice(0, 20));
}

/** Reads a JSON body and validates it; malformed JSON, oversize JSON and wrong shapes are all 400s naming the problem. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  const problem = findJsonBoundsProblem(body);
  if (problem) {
    const path = problem.path || '(body)';
    throw badRequest(`Invalid request body: ${path}: ${problem.message}`, [{ path, message: problem.message }]);
  }
  return parseOrThrow(schema, normaliseJson(body), 'request body');
}

/** The query string, validated. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseOrThrow(schema, normaliseJson(c.req.query()), 'query');
}

/** A path parameter such as a member id, as text the database can compare. */
export const readParam = (c: Context, name: string): string => normaliseText(c.req.param(name) ?? '');
