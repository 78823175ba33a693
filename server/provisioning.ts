// Lays out the central databases, their security objects and validate functions.
// The same code provisions the embedded PouchDB server and an Apache CouchDB.
import { directoryDatabaseName } from '../shared/directory/central-documents';
import { authorityDatabaseName } from '../shared/cases/case-documents';
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
  if (newDoc._id.indexOf('register:') === 0) {
    if (typeof newDoc.name !== 'string' || !newDoc.name) throw({ forbidden: 'A register needs a name.' });
    if (typeof newDoc.country !== 'string' || newDoc.country.length !== 2) throw({ forbidden: 'A register needs a country code.' });
    if (typeof newDoc.nature !== 'string' || !newDoc.nature) throw({ forbidden: 'A register needs its nature.' });
    if (typeof newDoc.url !== 'string' || (newDoc.url !== '' && newDoc.url.indexOf('https://') !== 0)) throw({ forbidden: 'A register is consulted at an https:// address, or on request.' });
  }
}`;

/** The role that will give an authority's users its database (with sign-in). */
export function authorityRole(authorityId: string): string {
  return `imi-authority:${authorityId}`;
}

// Every write to an authority's database: case documents are written once and never changed
// or deleted (retention is the administrator's); each kind has its required fields; a user
// writes only as the authority the database belongs to. The exchange relay is an admin.
const authorityValidateFunction = `function (newDoc, oldDoc, userCtx, secObj) {
  var isAdmin = (userCtx.roles || []).indexOf('_admin') !== -1;
  if (newDoc._deleted) {
    if (isAdmin) return;
    throw({ forbidden: 'Case documents cannot be deleted.' });
  }
  // The same revision delivered again (the relay repeats deliveries after a restart) changes nothing.
  if (oldDoc && newDoc._rev === oldDoc._rev) return;
  if (oldDoc && !oldDoc._deleted) throw({ forbidden: 'Case documents are never changed once written.' });
  var owner = (userCtx.db || '').replace(/^authority-/, '');
  var mine = function (id) { return typeof id === 'string' && id.toLowerCase().replace(/[^a-z0-9_-]/g, '_') === owner; };
  var id = newDoc._id;
  if (id.indexOf('case:') === 0) {
    if (typeof newDoc.requester !== 'string' || typeof newDoc.recipient !== 'string') throw({ forbidden: 'A case needs a requester and a recipient.' });
    if (!isAdmin && !mine(newDoc.requester)) throw({ forbidden: 'A case is written by its requester.' });
  } else if (id.indexOf('event:') === 0) {
    if (typeof newDoc.caseId !== 'string' || typeof newDoc.author !== 'string' || typeof newDoc.type !== 'string') throw({ forbidden: 'A case event needs a case, an author and a type.' });
    if (!isAdmin && !mine(newDoc.author)) throw({ forbidden: 'An event is written by its author only.' });
  } else if (id.indexOf('refusal:') === 0) {
    if (!isAdmin) throw({ forbidden: 'Only the exchange relay records refusals.' });
  } else {
    throw({ forbidden: 'Unknown kind of document: ' + id });
  }
}`;

async function ensureDatabase(client: CentralClient, name: string): Promise<void> {
  await client.expect('PUT', name, [201, 202, 412]);
}

async function ensureDesignDocument(client: CentralClient, database: string, id: string, content: Record<string, unknown>): Promise<void> {
  const existing = await client.request('GET', `${database}/${id}`);
  const rev = existing.status === 200 ? (existing.body as { _rev: string })._rev : undefined;
  if (rev && Object.entries(content).every(([key, value]) => (existing.body as Record<string, unknown>)[key] === value)) return; // up to date
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

/** The database of one authority: its cases, case events and the relay's refusals. */
export async function provisionAuthorityDatabase(client: CentralClient, authorityId: string): Promise<string> {
  const name = authorityDatabaseName(authorityId);
  await ensureDatabase(client, name);
  await client.expect('PUT', `${name}/_security`, [200, 201], {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [] }, // sign-in comes later: then [authorityRole(authorityId)]
  });
  await ensureDesignDocument(client, name, '_design/imi-desk-cases', { language: 'javascript', validate_doc_update: authorityValidateFunction });
  return name;
}
