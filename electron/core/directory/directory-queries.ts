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

export function directoryCalls(authorities: RxCollection<Authority>): Pick<CallHandlers, 'directory.page' | 'directory.authority' | 'directory.countryCounts'> {
  return {
    async 'directory.page'({ filter, language, offset, limit }) {
      const selector = selectorOf(filter);
      const [total, documents] = await Promise.all([
        authorities.count({ selector }).exec(),
        authorities.find({ selector, sort: [{ sortName: 'asc' }, { id: 'asc' }], skip: offset, limit }).exec(),
      ]);
      return { total, rows: documents.map((document) => summarizeAuthority(document.toJSON() as Authority, language)) };
    },
    async 'directory.authority'({ id }) {
      const document = await authorities.findOne(id).exec();
      return document ? (document.toMutableJSON() as Authority) : null;
    },
    async 'directory.countryCounts'() {
      const counts = await Promise.all(countryCodes.map((country) => authorities.count({ selector: { country } }).exec()));
      return Object.fromEntries(countryCodes.map((country, index) => [country, counts[index] ?? 0]));
    },
  };
}

export function directoryStreams(authorities: RxCollection<Authority>): Pick<StreamHandlers, 'directory.live'> {
  return {
    'directory.live'({ filter }, emit) {
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
