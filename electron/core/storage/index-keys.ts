// Index keys as SQLite compares them. RxDB orders its indexable strings by UTF-16 code
// units (as JavaScript compares strings); SQLite compares TEXT as UTF-8 bytes, which
// differs above U+FFFF. Stored as big-endian UTF-16 BLOBs, byte order equals code-unit
// order, so SQLite's memcmp gives RxDB's order for every character.
import { getIndexableStringMonad, type RxDocumentData, type RxJsonSchema } from 'rxdb';

export function indexKey(text: string): Buffer {
  const key = Buffer.from(text, 'utf16le');
  return key.swap16();
}

export interface IndexColumn {
  /** The index's fields, as in the schema. */
  fields: string[];
  /** Column name in the documents table. */
  column: string;
  /** Computes the key of a document for this index. */
  keyOf(document: RxDocumentData<unknown>): Buffer;
}

export function indexName(fields: readonly string[]): string {
  return fields.join('+');
}

export function indexColumnsOf<T>(schema: RxJsonSchema<RxDocumentData<T>>): IndexColumn[] {
  const indexes = (schema.indexes ?? []).map((index) => (Array.isArray(index) ? [...index] : [index]));
  return indexes.map((fields, position) => {
    const indexableString = getIndexableStringMonad(schema, fields);
    return {
      fields,
      column: `index_${position}`,
      keyOf: (document) => indexKey(indexableString(document as RxDocumentData<T>)),
    };
  });
}
