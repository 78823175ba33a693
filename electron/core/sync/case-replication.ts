// The cases of this workstation's authority in the sync: its central database holds its
// cases, their events (its own, and those the exchange relay delivered from the other
// party) and the relay's refusals. Cases and events are written here and uploaded; refusals
// only come down.
import type { RxCollection } from 'rxdb';
import {
  authorityDatabaseName,
  caseDocumentPrefix,
  caseEventDocumentPrefix,
  caseEventSchema,
  caseHeaderSchema,
  refusalDocumentPrefix,
  refusalSchema,
} from '../../../shared/cases/case-documents';
import type { ReplicaCollections } from '../database';
import type { SyncedCollection } from './sync-engine';
import { validatorOf } from './validator';

export function caseCollections(centralUrl: string, authorityId: string, replica: Pick<ReplicaCollections, 'cases' | 'caseEvents' | 'refusals'>): SyncedCollection[] {
  const databaseUrl = `${centralUrl}/${authorityDatabaseName(authorityId)}`;
  return [
    { name: 'cases', collection: replica.cases as RxCollection<unknown>, databaseUrl, idPrefix: caseDocumentPrefix, validate: validatorOf(caseHeaderSchema), push: true },
    { name: 'caseEvents', collection: replica.caseEvents as RxCollection<unknown>, databaseUrl, idPrefix: caseEventDocumentPrefix, validate: validatorOf(caseEventSchema), push: true },
    { name: 'refusals', collection: replica.refusals as RxCollection<unknown>, databaseUrl, idPrefix: refusalDocumentPrefix, validate: validatorOf(refusalSchema), push: false },
  ];
}
