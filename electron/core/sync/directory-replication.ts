// The directory in the sync: its authorities received from the shared `directory` database
// (written centrally), and its registers received and, from coordinators, sent; each
// validated against its schema.
import type { RxCollection } from 'rxdb';
import { authoritySchema, type Authority } from '../../../shared/directory/authority';
import { authorityDocumentPrefix, directoryDatabaseName, registerDocumentPrefix } from '../../../shared/directory/central-documents';
import { registerSchema, type Register } from '../../../shared/directory/register';
import type { SyncedCollection } from './sync-engine';
import { validatorOf } from './validator';

export function directoryCollections(centralUrl: string, authorities: RxCollection<Authority>, registers: RxCollection<Register>): SyncedCollection[] {
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
    {
      // Registers travel both ways: coordinators add and update them.
      name: 'registers',
      collection: registers as RxCollection<unknown>,
      databaseUrl: `${centralUrl}/${directoryDatabaseName}`,
      idPrefix: registerDocumentPrefix,
      validate: validatorOf(registerSchema),
      push: true,
      firstSync: false,
    },
  ];
}
