export const legislativeAreaCodes = ['PQ', 'SERVICES'] as const;
export type LegislativeArea = (typeof legislativeAreaCodes)[number];

export const authorityRoleCodes = ['competent-authority', 'coordinator'] as const;
export type AuthorityRole = (typeof authorityRoleCodes)[number];
