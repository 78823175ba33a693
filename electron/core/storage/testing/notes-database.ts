// The database of the durability test, opened the same way by the writer and the checker.
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageSQLite } from '../index';

export interface Note {
  id: string;
  n: number;
  text: string;
}

export async function openNotesDatabase(folder: string): Promise<RxDatabase<{ notes: RxCollection<Note> }>> {
  const database = await createRxDatabase<{ notes: RxCollection<Note> }>({ name: 'durability', storage: getRxStorageSQLite({ folder }), multiInstance: false });
  await database.addCollections({
    notes: {
      schema: {
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 20 }, n: { type: 'integer', minimum: 0, maximum: 1e9, multipleOf: 1 }, text: { type: 'string' } },
        required: ['id', 'n', 'text'],
        indexes: ['n'],
      },
    },
  });
  return database;
}
