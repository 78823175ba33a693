// Loads a generated directory (authorities, and the registers they keep) into the central
// `directory` database, in batches, once: a local (non-replicated) marker document
// remembers which seed is there.
import type { Authority } from '../../shared/directory/authority';
import { authorityDocumentId, directoryDatabaseName, registerDocumentId } from '../../shared/directory/central-documents';
import type { Register } from '../../shared/directory/register';
import type { CentralClient } from '../central-client';

const markerPath = `${directoryDatabaseName}/_local/imi-desk-seed`;

export interface SeedProgress {
  written: number;
  total: number;
}

export async function seedDirectory(
  client: CentralClient,
  authorities: Authority[],
  registers: Register[],
  label: string,
  onProgress: (progress: SeedProgress) => void = () => {},
): Promise<'seeded' | 'already-present'> {
  const marker = await client.request('GET', markerPath);
  if (marker.status === 200 && (marker.body as { label?: string }).label === label) return 'already-present';
  const batchSize = 1_000;
  const documents = [
    ...authorities.map(({ id, ...rest }) => ({ _id: authorityDocumentId(id), ...rest })),
    ...registers.map(({ id, ...rest }) => ({ _id: registerDocumentId(id), ...rest })),
  ];
  for (let start = 0; start < documents.length; start += batchSize) {
    const docs = documents.slice(start, start + batchSize);
    const rows = (await client.expect('POST', `${directoryDatabaseName}/_bulk_docs`, [201, 202], { docs })) as { error?: string; id: string; reason?: string }[];
    // A conflict means an earlier, interrupted run already wrote that authority.
    const failed = rows.filter((row) => row.error && row.error !== 'conflict');
    if (failed.length > 0) throw new Error(`Seeding refused ${failed.length} documents, e.g. ${failed[0]!.id}: ${failed[0]!.reason}`);
    onProgress({ written: Math.min(start + batchSize, documents.length), total: documents.length });
  }
  const previous = marker.status === 200 ? { _rev: (marker.body as { _rev: string })._rev } : {};
  await client.expect('PUT', markerPath, [201, 202], { ...previous, label, count: documents.length });
  return 'seeded';
}
