// Service activities under the Services Directive, as used for competences of authorities.
// Codes are stable identifiers; labels live in locales/vocabularies/<lang>.json.
export const serviceActivityCodes = [
  'travel-agency',
  'tourist-guide-services',
  'estate-agency',
  'construction',
  'craft-trades',
  'retail-trade',
  'restaurants-catering',
  'accommodation',
  'car-rental',
  'advertising',
  'legal-services',
  'tax-advice',
  'architectural-services',
  'engineering-services',
  'certification-testing',
  'event-organisation',
  'education-training',
  'recruitment',
  'cleaning-facility-services',
  'sports-leisure',
  'hairdressing-beauty',
  'it-consultancy',
  'management-consultancy',
  'funeral-services',
] as const;

export type ServiceActivityCode = (typeof serviceActivityCodes)[number];
