// The local replica: an RxDB database whose storage is a parameter (RxDB's memory storage
// by default until the durable SQLite storage lands).
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { z } from 'zod';
import { authoritySchema, type Authority } from '../../shared/directory/authority';

export type ReplicaCollections = { authorities: RxCollection<Authority> };
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

let databaseCount = 0;

/**
 * Opens the replica's RxDB database. `name` names the database file of a durable storage;
 * RxDB refuses two open databases of one name in a process, so tests leave it to a counter.
 */
export async function openReplica(storage: RxStorage<unknown, unknown> = getRxStorageMemory(), name = `imidesk${++databaseCount}`): Promise<Replica> {
  const database = await createRxDatabase<ReplicaCollections>({
    name,
    storage: wrappedValidateAjvStorage({ storage }),
    multiInstance: false,
    eventReduce: true,
  });
  await database.addCollections({ authorities: { schema: authorityCollectionSchema } });
  return database;
}
