// The directory's search in the core: the index is built from the replica once it is open,
// then kept current from the collection's changes (one authority at a time, never rebuilt),
// so results reflect what the sync brings in. Answers in the reader's language.
import type { Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { pickLocalized, summarizeAuthority, type Authority } from '../../../shared/directory/authority';
import type { CallHandlers } from '../../../shared/api/workstation-api';
import { AuthorityIndex } from './authority-index';
import { loadSearchVocabulary, type SearchVocabulary } from './search-vocabulary';

let sharedVocabulary: SearchVocabulary | undefined;
const vocabulary = () => (sharedVocabulary ??= loadSearchVocabulary());

export class DirectorySearch {
  private readonly index = new AuthorityIndex(vocabulary());
  private readonly subscription: Subscription;
  /** Resolves once every authority of the replica is in the index. */
  readonly ready: Promise<void>;

  constructor(private readonly authorities: RxCollection<Authority>) {
    const pending: Authority[] = [];
    let building = true;
    // Changes during the first build wait for it, so that none is lost or applied twice.
    this.subscription = authorities.$.subscribe((change) => {
      const document = change.documentData as Authority & { _deleted?: boolean };
      if (building) pending.push(document);
      else this.apply(document);
    });
    this.ready = (async () => {
      const documents = await authorities.find().exec();
      for (const document of documents) this.index.put(document.toJSON() as Authority);
      building = false;
      for (const document of pending.splice(0)) this.apply(document);
    })();
  }

  private apply(document: Authority & { _deleted?: boolean }) {
    if (document._deleted) this.index.remove(document.id);
    else this.index.put(document);
  }

  get size(): number {
    return this.index.size;
  }

  calls(): Pick<CallHandlers, 'directory.search'> {
    return {
      'directory.search': async ({ query, filter, language, limit }) => {
        await this.ready;
        const hits = this.index.search(query, filter, limit);
        const documents = await this.authorities.findByIds(hits.map((hit) => hit.id)).exec();
        const labels = vocabulary().labels;
        return {
          hits: hits.flatMap((hit) => {
            const document = documents.get(hit.id);
            if (!document) return [];
            const reasons = hit.reasons.map((reason) => (reason.code ? { ...reason, label: pickLocalized(labels.get(reason.code) ?? {}, language) } : reason));
            return [{ authority: summarizeAuthority(document.toJSON() as Authority, language), score: hit.score, reasons }];
          }),
        };
      },
    };
  }

  close(): void {
    this.subscription.unsubscribe();
  }
}
