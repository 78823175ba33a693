// Attachments between RxDB and CouchDB. Upload: new or changed attachments go inline
// (base64), unchanged ones as stubs that keep the server's copy. Download: only attachments
// the replica lacks, or holds in another version, are fetched. RxDB's digests are kept on
// the server beside the attachments (CouchDB computes its own MD5 digests), so that both
// sides compare attachment versions the same way when they look for conflicts.
import { SyncFailure } from './couch-changes';

export const attachmentDigestsField = 'attachmentDigests';

export type ReplicaAttachment = { digest: string; length: number; type: string; data?: Blob };
type ServerAttachment = { content_type?: string; digest?: string; length?: number; stub?: boolean; data?: string };

/** The server's form of a document's attachments, and the RxDB digests to keep beside them. */
export async function attachmentsToServer(attachments: Record<string, ReplicaAttachment> | undefined): Promise<Record<string, unknown>> {
  const entries = Object.entries(attachments ?? {});
  if (entries.length === 0) return {};
  const server: Record<string, ServerAttachment> = {};
  const digests: Record<string, string> = {};
  for (const [id, attachment] of entries) {
    digests[id] = attachment.digest;
    server[id] = attachment.data instanceof Blob
      ? { content_type: attachment.type, data: Buffer.from(await attachment.data.arrayBuffer()).toString('base64') }
      : { stub: true };
  }
  return { _attachments: server, [attachmentDigestsField]: digests };
}

/** The replica's form of a server document's attachments, without their data. */
export function attachmentsFromServer(document: Record<string, unknown>): Record<string, ReplicaAttachment> {
  const server = (document['_attachments'] ?? {}) as Record<string, ServerAttachment>;
  const digests = (document[attachmentDigestsField] ?? {}) as Record<string, string>;
  const result: Record<string, ReplicaAttachment> = {};
  for (const [id, attachment] of Object.entries(server)) {
    result[id] = { digest: digests[id] ?? attachment.digest ?? '', length: attachment.length ?? 0, type: attachment.content_type ?? 'application/octet-stream' };
  }
  return result;
}

/** Attachment versions by id, to compare two documents' attachments. */
export function attachmentVersions(attachments: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((attachments ?? {}) as Record<string, ReplicaAttachment>).map(([id, attachment]) => [id, attachment.digest]));
}

/**
 * Reads from the server the data of the attachments that `held` (what the replica has) lacks
 * or holds in another version; resolves with the bytes read.
 */
export async function fetchMissingAttachmentData(
  documentUrl: string,
  attachments: Record<string, ReplicaAttachment>,
  held: Record<string, ReplicaAttachment> | undefined,
  signal: AbortSignal,
): Promise<number> {
  let bytes = 0;
  for (const [id, attachment] of Object.entries(attachments)) {
    if (held?.[id]?.digest === attachment.digest) continue;
    let response: Response;
    try {
      response = await fetch(`${documentUrl}/${encodeURIComponent(id)}`, { signal });
    } catch (error) {
      throw new SyncFailure('unreachable', `Cannot read attachment ${id} from the central server (${(error as Error).message}).`);
    }
    if (!response.ok) throw new SyncFailure('server-error', `The central server answered HTTP ${response.status} for attachment ${id}.`);
    let data: ArrayBuffer;
    try {
      data = await response.arrayBuffer();
    } catch {
      throw new SyncFailure('unreachable', `The connection was cut while attachment ${id} was read.`);
    }
    attachment.data = new Blob([data], { type: attachment.type });
    attachment.length = data.byteLength;
    bytes += data.byteLength;
  }
  return bytes;
}
