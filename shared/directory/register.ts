// A register of the directory of registers (Services Directive, Article 28(7)): a register
// that service providers are entered in and that authorities of other countries may consult.
// Its name stays in its original language; what it holds and how to consult it are
// translated where someone translated them; its nature is a code with a name in every
// language. Kept by an authority of the directory; added and updated by coordinators.
import { z } from 'zod';
import { countryCodes } from '../countries';
import { localizedTextSchema, pickLocalized } from './authority';
import { legislativeAreaCodes } from './legislative-areas';

export const registerNatureCodes = [
  'commercial-register',
  'professional-register',
  'trade-licence-register',
  'authorisation-register',
  'insolvency-register',
  'disciplinary-register',
  'criminal-record',
  'tax-register',
] as const;
export type RegisterNature = (typeof registerNatureCodes)[number];

const languageCode = z.string().min(2).max(3);

const registerFields = z.object({
  id: z.string().min(1).max(64),
  country: z.enum(countryCodes),
  ownerAuthorityId: z.string().min(1).max(64),
  /** The owner's official name, kept with the register so that lists need not look it up. */
  ownerName: z.string().min(1).max(300),
  name: z.string().trim().min(1).max(300),
  nameLanguage: languageCode,
  nature: z.enum(registerNatureCodes),
  content: localizedTextSchema,
  accessConditions: localizedTextSchema,
  /** Where to consult it: a web address (https), or empty when it is consulted on request. */
  url: z.string().max(300),
  email: z.string().max(200),
  phone: z.string().max(50),
  region: z.object({ code: z.string().max(8), name: z.string().max(200) }),
  legislativeAreas: z.array(z.enum(legislativeAreaCodes)).min(1).max(2),
  professions: z.array(z.string().max(64)).max(100),
  serviceActivities: z.array(z.string().max(64)).max(100),
});

/** What a coordinator writes (checked strictly); the rest (sort name, date, author) the workstation adds. */
export const registerEntrySchema = registerFields.extend({
  url: z.union([z.literal(''), z.url({ protocol: /^https$/, hostname: /\./ }).max(300)]),
  email: z.union([z.literal(''), z.email().max(200)]),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

/** A register as stored and replicated (read tolerantly: the strict checks are the writer's). */
export const registerSchema = registerFields.extend({
  sortName: z.string().max(300),
  updatedAt: z.string().max(40),
  /** The authority whose coordinator wrote this version. */
  updatedBy: z.string().max(64),
});
export type Register = z.infer<typeof registerSchema>;

/** One row of a list of registers, in one language. */
export const registerSummarySchema = z.object({
  id: z.string(),
  country: z.enum(countryCodes),
  name: z.string(),
  nature: z.enum(registerNatureCodes),
  ownerName: z.string(),
  regionName: z.string(),
  content: z.string(),
  online: z.boolean(),
});
export type RegisterSummary = z.infer<typeof registerSummarySchema>;

export function summarizeRegister(register: Register, language: string): RegisterSummary {
  return {
    id: register.id,
    country: register.country,
    name: register.name,
    nature: register.nature,
    ownerName: register.ownerName,
    regionName: register.region.name,
    content: pickLocalized(register.content, language),
    online: register.url !== '',
  };
}
