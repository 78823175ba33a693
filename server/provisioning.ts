// Lays out the central databases, their security objects and validate functions.
// The same code provisions the embedded PouchDB server and an Apache CouchDB.
import { directoryDatabaseName } from '../shared/directory/central-documents';
import type { CentralClient } from './central-client';

/** Role given (in `_users`) to coordinators, the only users who write the directory. */
export const coordinatorRole = 'imi-coordinator';
/** Role given to every signed-in user of the network. */
export const networkUserRole = 'imi-user';

// Runs inside the server (CouchDB's JavaScript engine): keep it ES5.
const directoryValidateFunction = `function (newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') === -1 && roles.indexOf('${coordinatorRole}') === -1) {
    throw({ forbidden: 'Only coordinators may change the directory.' });
  }
  if (newDoc._deleted) return;
  if (newDoc._id.indexOf('authority:') === 0) {
    if (typeof newDoc.officialName !== 'string' || !newDoc.officialName) throw({ forbidden: 'An authority needs an official name.' });
    if (typeof newDoc.country !== 'string' || newDoc.country.length !== 2) throw({ forbidden: 'An authority needs a country code.' });
  }
}`;

async function ensureDatabase(client: CentralClient, name: string): Promise<void> {
  await client.expect('PUT', name, [201, 202, 412]);
}

async function ensureDesignDocument(client: CentralClient, database: string, id: string, content: Record<string, unknown>): Promise<void> {
  const existing = await client.request('GET', `${database}/${id}`);
  const rev = existing.status === 200 ? (existing.body as { _rev: string })._rev : undefined;
  await client.expect('PUT', `${database}/${id}`, [201, 202], { ...content, _id: id, ...(rev ? { _rev: rev } : {}) });
}

/** Creates what is missing and brings security and validation up to date; safe to repeat. */
export async function provisionCentral(client: CentralClient): Promise<void> {
  await ensureDatabase(client, directoryDatabaseName);
  await client.expect('PUT', `${directoryDatabaseName}/_security`, [200, 201], {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [] }, // sign-in comes later: then [networkUserRole]
  });
  await ensureDesignDocument(client, directoryDatabaseName, '_design/imi-desk-directory', {
    language: 'javascript',
    validate_doc_update: directoryValidateFunction,
  });
}
