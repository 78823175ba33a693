// Starts a workstation: the training workspace (an embedded central server with demo data,
// in the data folder) or a connected one (an existing central endpoint), and its core.
import { join } from 'node:path';
import { CentralClient } from '../../server/central-client';
import { setUpCentral } from '../../server/central-setup';
import { provisionAuthorityDatabase } from '../../server/provisioning';
import { startExchangeRelay, type ExchangeRelay } from '../../server/relay/exchange-relay';
import { startEmbeddedServer, type EmbeddedServer } from '../../server/embedded-server';
import { figure2Total } from '../../server/seed/directory-generator';
import { openWorkstationCore, type ReplicaKey, type WorkstationCore } from './workstation-core';

/** The authority the training workspace acts for unless told otherwise (a national coordinator). */
export const trainingAuthority = 'AT-000001';

export interface LaunchOptions {
  home: string;
  version: string;
  /** A central endpoint to connect to; without it, the training workspace starts. */
  centralUrl?: string;
  log?: (message: string) => void;
  /** What protects personal data in the replica; see WorkstationCoreOptions. */
  replicaKey?: ReplicaKey;
  /** The authority the workstation acts for (its cases are synchronised). */
  authorityId?: string;
}

export interface LaunchedWorkstation {
  core: WorkstationCore;
  centralServer?: EmbeddedServer;
  close(): Promise<void>;
}

export async function launchWorkstation(options: LaunchOptions): Promise<LaunchedWorkstation> {
  const log = options.log ?? (() => {});
  let centralServer: EmbeddedServer | undefined;
  let relay: ExchangeRelay | undefined;
  let centralUrl = options.centralUrl;
  const workspace = centralUrl ? 'connected' : 'training';
  const authorityId = options.authorityId ?? (workspace === 'training' ? trainingAuthority : undefined);
  const dataFolder = join(options.home, workspace);
  if (!centralUrl) {
    centralServer = await startEmbeddedServer({ dataFolder: join(dataFolder, 'central') });
    log('Preparing the training workspace with demo data…');
    await setUpCentral({
      url: centralServer.url,
      seedAuthorities: figure2Total,
      onProgress: ({ written, total }) => log(`  directory: ${written} of ${total} documents`),
    });
    centralUrl = centralServer.url;
    log(`Training workspace central server at ${centralUrl}`);
    // The training workspace has its own exchange relay, so that requests reach their recipients.
    const client = new CentralClient(centralUrl);
    if (authorityId) await provisionAuthorityDatabase(client, authorityId);
    relay = await startExchangeRelay({ client, pollMs: 300 });
  }
  const core = await openWorkstationCore({
    dataFolder,
    centralUrl,
    workspace,
    version: options.version,
    replicaKey: options.replicaKey,
    authorityId,
  });
  return {
    core,
    centralServer,
    async close() {
      await core.close();
      await relay?.stop();
      await centralServer?.close();
    },
  };
}
