// `npm run start:web`: the workstation served to a browser by the web host.
//   PORT (default 4780), IMI_DESK_HOME (data folder), IMI_DESK_CENTRAL_URL (connect to a
//   central endpoint instead of starting the training workspace), IMI_DESK_AUTHORITY (the
//   authority it acts for, e.g. AT-000001: its cases are synchronised), IMI_DESK_PASSPHRASE=required
//   (protect personal data in the replica with a passphrase asked for in the browser).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defaultHomeFolder } from '../core/home-folder';
import { launchWorkstation } from '../core/launch-workstation';
import { ensureRendererBuilt } from './renderer-build';
import { startWebHost } from './web-host';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (message: string) => console.log(message);

export async function startWeb(): Promise<void> {
  const port = Number(process.env['PORT'] ?? 4780);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${process.env['PORT']}".`);
  }
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const rendererFolder = await ensureRendererBuilt(projectRoot, log);
  const home = defaultHomeFolder();
  const replicaKey = process.env['IMI_DESK_PASSPHRASE'] === 'required' ? ({ kind: 'passphrase' } as const) : undefined;
  const authorityId = process.env['IMI_DESK_AUTHORITY'] || undefined;
  const workstation = await launchWorkstation({ home, version, centralUrl: process.env['IMI_DESK_CENTRAL_URL'], log, replicaKey, authorityId });
  const host = await startWebHost({ calls: workstation.core.calls, streams: workstation.core.streams, rendererFolder, port, log });
  log(`Data folder: ${home}`);
  log(`IMI Desk is running at ${host.url}`);
  const stop = () => {
    void host.close().then(() => workstation.close()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  startWeb().catch((error: unknown) => {
    console.error(`IMI Desk could not start: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  });
}
