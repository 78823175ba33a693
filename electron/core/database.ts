// The local replica: an RxDB database whose storage is a parameter (RxDB's memory storage
// by default until the durable SQLite storage lands).
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { z } from 'zod';
import { authoritySchema, type Authority } from '../../shared/directory/authority';
import { registerSchema, type Register } from '../../shared/directory/register';
import { caseEventSchema, caseHeaderSchema, refusalSchema, type CaseEvent, type CaseHeader, type Refusal } from '../../shared/cases/case-documents';

export type ReplicaCollections = {
  authorities: RxCollection<Authority>;
  cases: RxCollection<CaseHeader>;
  caseEvents: RxCollection<CaseEvent>;
  refusals: RxCollection<Refusal>;
  registers: RxCollection<Register>;
};
export type Replica = RxDatabase<ReplicaCollections>;

function jsonSchemaOf(schema: z.ZodObject) {
  const { properties, required } = z.toJSONSchema(schema, { io: 'output' }) as {
    properties: Record<string, unknown>;
    required: string[];
  };
  return { properties, required };
}

const authorityJsonSchema = jsonSchemaOf(authoritySchema);
// RxDB needs a maximum length on every indexed string; zod gives none for enums.
authorityJsonSchema.properties['country'] = { ...(authorityJsonSchema.properties['country'] as object), maxLength: 2 };

export const authorityCollectionSchema: RxJsonSchema<Authority> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  ...authorityJsonSchema,
  indexes: [['country', 'sortName'], 'sortName'],
} as RxJsonSchema<Authority>;

function collectionSchema<T>(schema: z.ZodObject, maxLengths: Record<string, number>, indexes: (string | string[])[]): RxJsonSchema<T> {
  const json = jsonSchemaOf(schema);
  // RxDB needs a maximum length on every indexed string (zod's regex strings carry none).
  for (const [field, maxLength] of Object.entries(maxLengths)) json.properties[field] = { ...(json.properties[field] as object), maxLength };
  return { version: 0, primaryKey: 'id', type: 'object', ...json, indexes } as RxJsonSchema<T>;
}

export const registerCollectionSchema = collectionSchema<Register>(registerSchema, { sortName: 300 }, ['sortName']);
addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBAttachmentsPlugin);

// Version 1: requests carry questions, the person concerned and files (new optional fields).
export const caseCollectionSchema = { ...collectionSchema<CaseHeader>(caseHeaderSchema, { id: 100, createdAt: 40 }, ['createdAt']), version: 1 };
export const caseEventCollectionSchema = { ...collectionSchema<CaseEvent>(caseEventSchema, { id: 120, caseId: 100 }, [['caseId', 'number']]), version: 1, attachments: {} };
caseEventCollectionSchema.properties.number = { ...(caseEventCollectionSchema.properties.number as object), multipleOf: 1 } as never;
/** Version 0 documents are valid version 1 documents: the new fields are optional. */
const unchanged = { 1: (document: unknown) => document };
export const refusalCollectionSchema = collectionSchema<Refusal>(refusalSchema, { id: 120, caseId: 100 }, ['caseId']);

let databaseCount = 0;

/**
 * The storage stack of the replica: schema validation, then (with a password) encryption of
 * the fields each schema marks `encrypted` (personal data), then the storage itself.
 */
export function replicaStorage(storage: RxStorage<unknown, unknown>, password?: string): RxStorage<unknown, unknown> {
  return wrappedValidateAjvStorage({ storage: password ? wrappedKeyEncryptionCryptoJsStorage({ storage }) : storage });
}

/**
 * Opens the replica's RxDB database. `name` names the database file of a durable storage;
 * RxDB refuses two open databases of one name in a process, so tests leave it to a counter.
 */
export async function openReplica(
  storage: RxStorage<unknown, unknown> = getRxStorageMemory(),
  name = `imidesk${++databaseCount}`,
  password?: string,
): Promise<Replica> {
  const database = await createRxDatabase<ReplicaCollections>({
    name,
    storage: replicaStorage(storage, password),
    password,
    multiInstance: false,
    eventReduce: true,
  });
  try {
    await database.addCollections({
      authorities: { schema: authorityCollectionSchema },
      cases: { schema: caseCollectionSchema, migrationStrategies: unchanged },
      caseEvents: { schema: caseEventCollectionSchema, migrationStrategies: unchanged },
      refusals: { schema: refusalCollectionSchema },
      registers: { schema: registerCollectionSchema },
    });
  } catch (error) {
    await database.close(); // e.g. a wrong password: leave the file as it is
    throw error;
  }
  return database;
}
