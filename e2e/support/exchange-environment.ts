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

/**
 * The training workspace of one authority (its own embedded central server and exchange
 * relay, seeded with the demo directory), and the workstation of a counterpart connected to
 * that same central server, as a trainer's second laptop would be.
 */
export async function startTrainingExchange(trainingAuthority: string, counterpart: string): Promise<Pick<ExchangeEnvironment, 'urls' | 'close'>> {
  const folder = await mkdtemp(join(tmpdir(), 'imi-desk-training-e2e-'));
  const training = await startWebHostProcess(join(folder, trainingAuthority), undefined, { IMI_DESK_AUTHORITY: trainingAuthority });
  const centralUrl = /Training workspace central server at (http:\/\/\S+)/.exec(training.output)?.[1];
  if (!centralUrl) throw new Error(`The training workspace did not say where its central server is:\n${training.output}`);
  await provisionAuthorityDatabase(new CentralClient(centralUrl), counterpart);
  const other = await startWebHostProcess(join(folder, counterpart), centralUrl, { IMI_DESK_AUTHORITY: counterpart });
  return {
    urls: { [trainingAuthority]: training.url, [counterpart]: other.url },
    async close() {
      await stopProcess(other.child);
      await stopProcess(training.child);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
