// Index keys as SQLite compares them. RxDB orders its indexable strings by UTF-16 code
// units (as JavaScript compares strings); SQLite compares TEXT as UTF-8 bytes, that is by
// code points, which differs for characters above U+FFFF (stored as surrogate pairs,
// 0xD800-0xDFFF, which sort before 0xE000-0xFFFF in UTF-16). Each code unit from 0xD800
// upwards is therefore moved up by 0x800 to a code point of its own: the order of code
// points is then the order of code units, and keys stay as short as UTF-8 makes them.
import { getIndexableStringMonad, type RxDocumentData, type RxJsonSchema } from 'rxdb';

const needsShift = /[\uD800-\uFFFF]/;

export function indexKey(text: string): string {
  if (!needsShift.test(text)) return text;
  let shifted = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    shifted += unit < 0xd800 ? text[i] : String.fromCodePoint(unit + 0x800);
  }
  return shifted;
}

export interface IndexColumn {
  /** The index's fields, as in the schema. */
  fields: string[];
  /** Column name in the documents table. */
  column: string;
  /** Computes the key of a document for this index. */
  keyOf(document: RxDocumentData<unknown>): string;
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
