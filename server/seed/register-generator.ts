// Generates the directory of registers from a generated directory of authorities: in each
// country a commercial, an insolvency, a criminal-records and a tax register kept by national
// authorities, the registers of professional bodies kept by the chambers, and registers of
// trade licences and of authorised providers kept by licensing offices. Names are in the
// owner's language; what a register holds and how to consult it are written in English (the
// coordinators translate them). Deterministic from the directory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countryCodes } from '../../shared/countries';
import { foldForSorting, type Authority } from '../../shared/directory/authority';
import type { Register, RegisterNature } from '../../shared/directory/register';

const vocabularyFolder = join(import.meta.dirname, '..', '..', 'locales', 'vocabularies');
const natureLabels = new Map<string, Record<string, string>>();

/** The name of a nature of register in a language (English if that language has none). */
function natureLabel(nature: RegisterNature, language: string): string {
  const read = (code: string) => {
    if (!natureLabels.has(code)) {
      try {
        const file = JSON.parse(readFileSync(join(vocabularyFolder, `${code}.json`), 'utf8')) as { registerNature?: Record<string, { label: string }> };
        natureLabels.set(code, Object.fromEntries(Object.entries(file.registerNature ?? {}).map(([key, entry]) => [key, entry.label])));
      } catch {
        natureLabels.set(code, {});
      }
    }
    return natureLabels.get(code)![nature];
  };
  return read(language) ?? read('en') ?? nature;
}

const holds: Record<RegisterNature, string> = {
  'commercial-register': 'Companies and sole traders established in the country: legal form, registered office, directors, share capital, date of registration and of removal.',
  'professional-register': 'Members of the profession entitled to practise: qualification, date of entry, place of practice, suspensions.',
  'trade-licence-register': 'Trade licences granted, suspended or withdrawn: holder, activity, premises, dates.',
  'authorisation-register': 'Service providers authorised for the activity: authorisation, conditions, period of validity, withdrawals.',
  'insolvency-register': 'Insolvency, bankruptcy and restructuring proceedings opened against natural and legal persons.',
  'disciplinary-register': 'Disciplinary sanctions imposed on members of the profession: nature, date, duration.',
  'criminal-record': 'Criminal convictions, including bans from practising a profession or running a business.',
  'tax-register': 'Taxable persons registered for VAT and other taxes: identification number, status, dates.',
};
const access: Record<RegisterNature, string> = {
  'commercial-register': 'Public: free online search; certified extracts on request.',
  'professional-register': 'Public list online; details of suspensions to competent authorities on request.',
  'trade-licence-register': 'Competent authorities on request through IMI; no public access.',
  'authorisation-register': 'Public list online; files to competent authorities on request.',
  'insolvency-register': 'Public: free online search.',
  'disciplinary-register': 'Competent authorities only, on a reasoned request through IMI.',
  'criminal-record': 'Competent authorities only, on a reasoned request; extracts for the person concerned.',
  'tax-register': 'VAT numbers can be checked online (VIES); other data to tax authorities only.',
};
const online: Record<RegisterNature, boolean> = {
  'commercial-register': true,
  'professional-register': true,
  'trade-licence-register': false,
  'authorisation-register': true,
  'insolvency-register': true,
  'disciplinary-register': false,
  'criminal-record': false,
  'tax-register': true,
};

export function generateRegisters(directory: Authority[]): Register[] {
  const registers: Register[] = [];
  for (const country of countryCodes) {
    const authorities = directory.filter((authority) => authority.country === country).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (authorities.length === 0) continue;
    const ofKind = (...designations: string[]) => authorities.filter((authority) => designations.includes(authority.designation['en'] ?? ''));
    const chambers = authorities.filter((authority) => authority.professions.length > 0 && /chamber|council|institute|bar association/i.test(authority.designation['en'] ?? ''));
    let number = 0;
    const add = (nature: RegisterNature, owner: Authority | undefined, competences: Pick<Authority, 'professions' | 'serviceActivities'> = { professions: [], serviceActivities: [] }) => {
      if (!owner) return;
      const name = `${natureLabel(nature, owner.officialNameLanguage)} – ${owner.officialName}`;
      const host = owner.web.replace(/^https:\/\/(www\.)?/, '').replace(/\/.*$/, '');
      registers.push({
        id: `${country}-R${String(++number).padStart(4, '0')}`,
        country,
        ownerAuthorityId: owner.id,
        ownerName: owner.officialName,
        name,
        nameLanguage: owner.officialNameLanguage,
        sortName: foldForSorting(name),
        nature,
        content: { en: holds[nature] },
        accessConditions: { en: access[nature] },
        url: online[nature] ? `https://register.${host}/` : '',
        email: owner.email,
        phone: owner.phone,
        region: owner.region,
        legislativeAreas: competences.professions.length > 0 ? ['PQ'] : ['SERVICES'],
        professions: competences.professions,
        serviceActivities: competences.serviceActivities,
        updatedAt: owner.updatedAt,
        updatedBy: owner.id,
      });
    };
    add('commercial-register', ofKind('Chamber of commerce and industry', 'Point of single contact')[0] ?? authorities[0]);
    add('insolvency-register', ofKind('Legal services supervisory authority', 'Point of single contact')[0]);
    add('criminal-record', ofKind('Legal services supervisory authority')[0]);
    add('tax-register', ofKind('Tax administration')[0]);
    for (const chamber of chambers.slice(0, 6)) add('professional-register', chamber, { professions: chamber.professions, serviceActivities: [] });
    const bar = ofKind('Bar association')[0] ?? chambers[0];
    if (bar) add('disciplinary-register', bar, { professions: bar.professions, serviceActivities: [] });
    for (const office of ofKind('Municipal trade licensing office').slice(0, 3)) add('trade-licence-register', office, { professions: [], serviceActivities: office.serviceActivities });
    for (const office of ofKind('Transport licensing authority', 'Real estate supervisory authority', 'Regional tourism authority').slice(0, 3)) {
      add('authorisation-register', office, { professions: [], serviceActivities: office.serviceActivities });
    }
  }
  return registers;
}
