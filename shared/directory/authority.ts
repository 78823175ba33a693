import { z } from 'zod';
import { countryCodes } from '../countries';
import { authorityRoleCodes, legislativeAreaCodes } from './legislative-areas';

const languageCode = z.string().min(2).max(3);

/** A text in several languages, keyed by language code. */
export const localizedTextSchema = z.record(languageCode, z.string().max(2000));
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * An authority of the directory. The official name stays in its original language and is
 * never translated; designation and description are translated.
 */
export const authoritySchema = z.object({
  id: z.string().min(1).max(64),
  country: z.enum(countryCodes),
  officialName: z.string().min(1).max(300),
  officialNameLanguage: languageCode,
  /** The official name folded (no diacritics, lower case) for ordering. */
  sortName: z.string().max(300),
  designation: localizedTextSchema,
  description: localizedTextSchema,
  region: z.object({ code: z.string().max(8), name: z.string().max(200) }),
  legislativeAreas: z.array(z.enum(legislativeAreaCodes)).min(1).max(2),
  roles: z.array(z.object({ area: z.enum(legislativeAreaCodes), role: z.enum(authorityRoleCodes) })).max(10),
  professions: z.array(z.string().max(64)).max(100),
  serviceActivities: z.array(z.string().max(64)).max(100),
  address: z.object({ street: z.string().max(300), postcode: z.string().max(20), city: z.string().max(200) }),
  phone: z.string().max(50),
  email: z.string().max(200),
  web: z.string().max(300),
  languages: z.array(languageCode).max(30),
  updatedAt: z.string().max(40),
});
export type Authority = z.infer<typeof authoritySchema>;

/** One row of the directory list: enough to recognise an authority, in one language. */
export const authoritySummarySchema = z.object({
  id: z.string(),
  country: z.enum(countryCodes),
  officialName: z.string(),
  designation: z.string(),
  city: z.string(),
  regionName: z.string(),
  legislativeAreas: z.array(z.enum(legislativeAreaCodes)),
});
export type AuthoritySummary = z.infer<typeof authoritySummarySchema>;

/** The designation in the reader's language, else English, else any. */
export function pickLocalized(text: LocalizedText, language: string): string {
  return text[language] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

export function summarizeAuthority(authority: Authority, language: string): AuthoritySummary {
  return {
    id: authority.id,
    country: authority.country,
    officialName: authority.officialName,
    designation: pickLocalized(authority.designation, language),
    city: authority.address.city,
    regionName: authority.region.name,
    legislativeAreas: authority.legislativeAreas,
  };
}

/** Folds case and diacritics so that names sort and compare as people expect. */
export function foldForSorting(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();
}
