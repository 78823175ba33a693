// How directory documents are named in the central database: the kind is a prefix of the
// id, so a replica can tell authorities from other directory documents without reading them.
export const directoryDatabaseName = 'directory';
export const authorityDocumentPrefix = 'authority:';

export function authorityDocumentId(authorityId: string): string {
  return `${authorityDocumentPrefix}${authorityId}`;
}

export const registerDocumentPrefix = 'register:';

export function registerDocumentId(registerId: string): string {
  return `${registerDocumentPrefix}${registerId}`;
}
