// Checks documents from the server against the zod schema of their collection, with the
// first problem in words for the quarantine.
import type { z } from 'zod';
import type { Validation } from './couch-replication';

export function validatorOf<S extends z.ZodType>(schema: S): (document: Record<string, unknown>) => Validation<unknown> {
  return (document) => {
    const { _deleted: _ignored, ...content } = document;
    const result = schema.safeParse(content);
    if (result.success) return { ok: true, value: result.data };
    const issue = result.error.issues[0];
    return { ok: false, reason: issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid document' };
  };
}
