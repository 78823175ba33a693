// Two workstations of authorities in different countries, on the training data, exchanging
// requests: a central server process (seeded with the demo directory), the exchange relay
// process, and one web host process per authority, each in its own temporary folder. The
// central server can be stopped and started again (a cut link) while both keep running.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CentralClient } from '../../server/central-client';
import { provisionAuthorityDatabase } from '../../server/provisioning';
import { startCentralProcess, type CentralProcess } from '../../server/testing/central-process';
import { startRelayProcess } from '../../server/testing/relay-process';
import type { StartedProcess } from '../../server/testing/typescript-process';
import { startWebHostProcess, stopProcess } from './workstation-environment';

export interface ExchangeEnvironment {
  /** Each workstation's address, by the authority it acts for. */
  urls: Record<string, string>;
  stopCentral(): Promise<void>;
  restartCentral(): Promise<void>;
  close(): Promise<void>;
}

export async function startExchangeEnvironment(authorityIds: string[], authorities = 5_737): Promise<ExchangeEnvironment> {
  const folder = await mkdtemp(join(tmpdir(), 'imi-desk-exchange-e2e-'));
  const centralFolder = join(folder, 'central');
  let central: CentralProcess = await startCentralProcess({ authorities, dataFolder: centralFolder });
  for (const id of authorityIds) await provisionAuthorityDatabase(new CentralClient(central.url), id);
  const relay: StartedProcess = await startRelayProcess(central.url, 200);
  const hosts: { url: string; child: ChildProcess }[] = [];
  for (const id of authorityIds) hosts.push(await startWebHostProcess(join(folder, id), central.url, { IMI_DESK_AUTHORITY: id }));
  return {
    urls: Object.fromEntries(authorityIds.map((id, index) => [id, hosts[index]!.url])),
    stopCentral: () => central.kill(),
    async restartCentral() {
      central = await startCentralProcess({ authorities, port: central.port, dataFolder: centralFolder });
    },
    async close() {
      for (const host of hosts) await stopProcess(host.child);
      await relay.kill();
      await central.kill();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
