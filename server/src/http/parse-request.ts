import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest } from './http-error';

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

/** Reads a JSON body and validates it; malformed JSON and wrong shapes are both 400s naming the problem. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  return parseOrThrow(schema, body, 'request body');
}
