// Checks documents from the server against their collection's schema (written in zod, in
// shared/), with the first problem in words for the quarantine. The zod schema is compiled
// once to a JSON-schema validator: a large first sync checks a hundred thousand documents,
// and checking must not copy each of them (zod's parse builds a new object per level).
import { Ajv, type ErrorObject } from 'ajv';
import { z } from 'zod';
import type { Validation } from './couch-replication';

/** Removes `additionalProperties: false` throughout: fields added by a later version are let through. */
function tolerant(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(tolerant);
  if (!schema || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    if (key === '$schema') continue;
    result[key] = tolerant(value);
  }
  return result;
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'invalid document';
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'document';
  return `${path}: ${error.message ?? 'invalid'}`;
}

export function validatorOf(schema: z.ZodObject): (document: Record<string, unknown>) => Validation<unknown> {
  const jsonSchema = tolerant(z.toJSONSchema(schema, { io: 'output' })) as { properties: Record<string, unknown> };
  const known = Object.keys(jsonSchema.properties);
  const check = new Ajv({ strict: false, allErrors: false }).compile(jsonSchema);
  return (document) => {
    // Only the schema's own fields are kept (no deep copy: the values are the server's).
    const content: Record<string, unknown> = {};
    for (const key of known) if (document[key] !== undefined) content[key] = document[key];
    if (check(content)) return { ok: true, value: content };
    return { ok: false, reason: describe(check.errors?.[0]) };
  };
}
