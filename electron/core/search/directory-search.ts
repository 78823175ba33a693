// The directory's searches in the core: authorities, and the directory of registers, each an
// indexed collection of the replica. Answers in the reader's language: why a record matched
// names its competence or nature of register in that language.
import type { RxCollection } from 'rxdb';
import type { CallHandlers } from '../../../shared/api/workstation-api';
import type { CountryCode } from '../../../shared/countries';
import { pickLocalized, summarizeAuthority, type Authority } from '../../../shared/directory/authority';
import { summarizeRegister, type Register } from '../../../shared/directory/register';
import { authorityRecord, type IndexedRecord, type SearchReason } from './authority-index';
import { IndexedCollection, searchVocabulary, type IndexedCollectionOptions } from './indexed-collection';

export function registerRecord(register: Register): IndexedRecord {
  return {
    id: register.id,
    country: register.country,
    sortName: register.sortName,
    name: `${register.name} ${register.ownerName}`,
    region: register.region,
    city: '',
    designation: {},
    description: register.content,
    codes: [
      `registerNature:${register.nature}`,
      ...register.professions.map((code) => `profession:${code}`),
      ...register.serviceActivities.map((code) => `serviceActivity:${code}`),
      ...register.legislativeAreas.map((code) => `area:${code}`),
    ],
    roles: [],
  };
}

const labelled = (reasons: SearchReason[], language: string) =>
  reasons.map((reason) => (reason.code ? { ...reason, label: pickLocalized(searchVocabulary().labels.get(reason.code) ?? {}, language) } : reason));

export class DirectorySearch {
  readonly authorities: IndexedCollection<Authority>;
  readonly registers: IndexedCollection<Register>;

  constructor(collections: { authorities: RxCollection<Authority>; registers: RxCollection<Register> }, snapshots: { authorities?: string; registers?: string } = {}, options: Omit<IndexedCollectionOptions, 'snapshotFile'> = {}) {
    this.authorities = new IndexedCollection(collections.authorities, authorityRecord, { ...options, snapshotFile: snapshots.authorities });
    this.registers = new IndexedCollection(collections.registers, registerRecord, { ...options, snapshotFile: snapshots.registers });
  }

  get ready(): Promise<unknown> {
    return Promise.all([this.authorities.ready, this.registers.ready]);
  }

  calls(): Pick<CallHandlers, 'directory.search' | 'directory.regions' | 'registers.search'> {
    return {
      'directory.search': async ({ query, filter, language, limit }) => {
        const { hits, total } = await this.authorities.find(query, filter, limit);
        return { total, hits: hits.map((hit) => ({ authority: summarizeAuthority(hit.document, language), score: hit.score, reasons: labelled(hit.reasons, language) })) };
      },
      'directory.regions': async ({ country }) => ({ regions: (await this.authorities.regions(country)) as { code: string; name: string; country: CountryCode; count: number }[] }),
      'registers.search': async ({ query, filter, language, limit }) => {
        const { hits, total } = await this.registers.find(query, filter, limit);
        return { total, hits: hits.map((hit) => ({ register: summarizeRegister(hit.document, language), score: hit.score, reasons: labelled(hit.reasons, language) })) };
      },
    };
  }

  async close(options?: { save?: boolean }): Promise<void> {
    await Promise.all([this.authorities.close(options), this.registers.close(options)]);
  }
}
