/**
 * Checks an object against the report contract, `schema/report.schema.json`.
 *
 * TEST-ONLY: this imports ajv, a devDependency, so production code must not import this module
 * (import types and `REPORT_VERSION` from `./schema.ts` instead). The schema file is read from the
 * repository, never copied, and compiled once, on first use.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

export const REPORT_SCHEMA_URL = new URL('../../schema/report.schema.json', import.meta.url);

export type ReportValidation = { ok: true } | { ok: false; errors: string[] };

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      allowUnionTypes: true,
      // Keeps `data` and `parentSchema` on errors, for the messages below.
      verbose: true,
      formats: { date: isCalendarDate, 'date-time': isDateTime },
    });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** Validates `obj` against the report schema; on failure, one readable line per problem. */
export function validateReport(obj: unknown): ReportValidation {
  const validate = validator();
  if (validate(obj)) return { ok: true };
  return { ok: false, errors: formatErrors(validate.errors ?? []) };
}

/** Throws an Error listing every problem when `obj` is not a valid report (for tests). */
export function assertValidReport(obj: unknown): void {
  const result = validateReport(obj);
  if (!result.ok) throw new Error(`invalid report:\n  ${result.errors.join('\n  ')}`);
}

function formatErrors(errors: ErrorObject[]): string[] {
  // An anyOf reports every failed branch; the branches' own errors are noise next to the anyOf's.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  // An if/then rule with a worded $comment says more than the generic anyOf message inside its `then`.
  const wordedRules = errors
    .filter((e) => e.keyword === 'if' && typeof thenOf(e).$comment === 'string')
    .map((e) => `${e.schemaPath.replace(/\/if$/, '')}/then/`);
  const lines: string[] = [];
  for (const e of errors) {
    if (anyOfPaths.some((p) => e.schemaPath.startsWith(p))) continue;
    if (e.keyword === 'anyOf' && wordedRules.some((p) => e.schemaPath.startsWith(p))) continue;
    const where = e.instancePath === '' ? '(report)' : e.instancePath;
    const line = `${where} ${describe(e)}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

function describe(e: ErrorObject): string {
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum':
      return `${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(e.data)})`;
    case 'const':
      return `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)} (got ${JSON.stringify(e.data)})`;
    case 'pattern':
    case 'format':
      return `${e.message} (got ${JSON.stringify(e.data)})`;
    case 'type':
      return `${e.message} (got ${e.data === null ? 'null' : Array.isArray(e.data) ? 'array' : typeof e.data})`;
    case 'required': {
      // A renamed field shows up as a missing one; name the unknown keys that sit where it should be.
      const known = Object.keys((parent.properties ?? {}) as Record<string, unknown>);
      const data = e.data && typeof e.data === 'object' ? Object.keys(e.data) : [];
      const unknown = data.filter((k) => !known.includes(k));
      return unknown.length > 0 ? `${e.message} (unknown properties here: ${unknown.join(', ')})` : (e.message ?? 'is missing a property');
    }
    case 'if': {
      // Rules on `published` carry their wording in the `then` schema's $comment.
      const comment = thenOf(e).$comment;
      return typeof comment === 'string' ? `breaks the rule: ${comment}` : (e.message ?? 'is invalid');
    }
    default:
      return e.message ?? `fails "${e.keyword}"`;
  }
}

function thenOf(e: ErrorObject): Record<string, unknown> {
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  return (parent.then ?? {}) as Record<string, unknown>;
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (!m || !isCalendarDate(m[1] ?? '')) return false;
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const [oh, om] = [Number(m[7] ?? 0), Number(m[8] ?? 0)];
  return h < 24 && min < 60 && sec <= 60 && oh < 24 && om < 60;
}
