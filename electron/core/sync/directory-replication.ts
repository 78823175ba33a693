// The directory's authorities in the sync: received from the shared `directory` database
// (written centrally by coordinators), validated against the authority schema.
import type { RxCollection } from 'rxdb';
import { authoritySchema, type Authority } from '../../../shared/directory/authority';
import { authorityDocumentPrefix, directoryDatabaseName } from '../../../shared/directory/central-documents';
import type { SyncedCollection } from './sync-engine';
import { validatorOf } from './validator';

export function directoryCollections(centralUrl: string, authorities: RxCollection<Authority>): SyncedCollection[] {
  return [
    {
      name: 'authorities',
      collection: authorities as RxCollection<unknown>,
      databaseUrl: `${centralUrl}/${directoryDatabaseName}`,
      idPrefix: authorityDocumentPrefix,
      validate: validatorOf(authoritySchema),
      push: false,
      firstSync: true,
    },
  ];
}
