// A whole workstation for browser tests: a central server process (seeded) and the web
// host process connected to it, each in its own temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CentralClient } from '../../server/central-client';
import { provisionAuthorityDatabase } from '../../server/provisioning';
import { startCentralProcess, type CentralProcess } from '../../server/testing/central-process';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Node runs the TypeScript itself (through tsx's loader), so the pid is the server's own.
const typescriptLoader = ['--import', 'tsx'];

export interface WorkstationEnvironment {
  /** The workstation's address, with the secret. */
  url: string;
  central: CentralProcess;
  /** Stops the central server at once. */
  stopCentral(): Promise<void>;
  /** Starts it again on the same port, with the same data. */
  restartCentral(): Promise<void>;
  /** The workstation's data folder (IMI_DESK_HOME). */
  home: string;
  /**
   * Stops the workstation and starts it again on the same data, after `whileStopped` if
   * given; resolves with its new address.
   */
  restartWorkstation(whileStopped?: () => Promise<void>): Promise<string>;
  close(): Promise<void>;
}

/** Starts a web host: connected to `centralUrl`, or on its own training workspace when it is undefined. */
export async function startWebHostProcess(home: string, centralUrl: string | undefined, env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: string }> {
  const { IMI_DESK_CENTRAL_URL: _inherited, ...inherited } = process.env;
  void _inherited;
  const child = spawn(process.execPath, [...typescriptLoader, join(projectRoot, 'electron', 'web-host', 'start-web.ts')], {
    cwd: projectRoot,
    env: { ...inherited, PORT: '0', IMI_DESK_HOME: home, ...(centralUrl ? { IMI_DESK_CENTRAL_URL: centralUrl } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web host did not start in time:\n${output}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`The web host exited with ${code}:\n${output}`)));
  });
  return { url, child, output };
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startWorkstationEnvironment(authorities = 5_737, env: Record<string, string> = {}): Promise<WorkstationEnvironment> {
  const folder = await mkdtemp(join(tmpdir(), 'imi-desk-e2e-'));
  const centralFolder = join(folder, 'central');
  let central = await startCentralProcess({ authorities, dataFolder: centralFolder });
  // The database of the authority the workstation acts for, as the central side provisions it.
  if (env['IMI_DESK_AUTHORITY']) await provisionAuthorityDatabase(new CentralClient(central.url), env['IMI_DESK_AUTHORITY']);
  let webHost = await startWebHostProcess(join(folder, 'home'), central.url, env);
  const environment: WorkstationEnvironment = {
    url: webHost.url,
    home: join(folder, 'home'),
    get central() {
      return central;
    },
    stopCentral: () => central.kill(),
    async restartCentral() {
      central = await startCentralProcess({ authorities, port: central.port, dataFolder: centralFolder });
    },
    async restartWorkstation(whileStopped) {
      await stopProcess(webHost.child);
      await whileStopped?.();
      webHost = await startWebHostProcess(join(folder, 'home'), central.url, env);
      environment.url = webHost.url;
      return webHost.url;
    },
    async close() {
      await stopProcess(webHost.child);
      await central.kill();
      await rm(folder, { recursive: true, force: true });
    },
  };
  return environment;
}
