// Directory calls answered from the local replica, so they work offline.
import { debounceTime, startWith } from 'rxjs';
import type { MangoQuerySelector, RxCollection } from 'rxdb';
import { countryCodes } from '../../../shared/countries';
import { summarizeAuthority, type Authority } from '../../../shared/directory/authority';
import type { CallHandlers, DirectoryFilter, StreamHandlers } from '../../../shared/api/workstation-api';

function selectorOf(filter: DirectoryFilter): MangoQuerySelector<Authority> {
  return {
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.area ? { legislativeAreas: { $in: [filter.area] } } : {}),
  };
}

/** The directory's collection, or an error saying why the local data cannot be used. */
export type AuthoritiesSource = () => RxCollection<Authority>;

export function directoryCalls(source: AuthoritiesSource): Pick<CallHandlers, 'directory.page' | 'directory.authority' | 'directory.countryCounts'> {
  return {
    async 'directory.page'({ filter, language, offset, limit }) {
      const authorities = source();
      const selector = selectorOf(filter);
      const [total, documents] = await Promise.all([
        authorities.count({ selector }).exec(),
        authorities.find({ selector, sort: [{ sortName: 'asc' }, { id: 'asc' }], skip: offset, limit }).exec(),
      ]);
      return { total, rows: documents.map((document) => summarizeAuthority(document.toJSON() as Authority, language)) };
    },
    async 'directory.authority'({ id }) {
      const document = await source().findOne(id).exec();
      return document ? (document.toMutableJSON() as Authority) : null;
    },
    async 'directory.countryCounts'() {
      const authorities = source();
      const counts = await Promise.all(countryCodes.map((country) => authorities.count({ selector: { country } }).exec()));
      return Object.fromEntries(countryCodes.map((country, index) => [country, counts[index] ?? 0]));
    },
  };
}

export function directoryStreams(source: AuthoritiesSource): Pick<StreamHandlers, 'directory.live'> {
  return {
    'directory.live'({ filter }, emit) {
      let authorities: RxCollection<Authority>;
      try {
        authorities = source();
      } catch {
        emit({ total: 0, revision: 0 }); // no usable local data: nothing to show
        return () => {};
      }
      let revision = 0;
      const selector = selectorOf(filter);
      const subscription = authorities.$.pipe(debounceTime(150), startWith(null)).subscribe(() => {
        const thisRevision = ++revision;
        authorities.count({ selector }).exec().then(
          (total) => {
            if (thisRevision === revision) emit({ total, revision: thisRevision });
          },
          () => {},
        );
      });
      return () => subscription.unsubscribe();
    },
  };
}
