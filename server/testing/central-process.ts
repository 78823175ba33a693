// Starts the embedded central server as a separate process, for integration and
// end-to-end tests that stop and restart it.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Node runs the TypeScript itself (through tsx's loader), so the pid is the server's own.
const typescriptLoader = ['--import', 'tsx'];

export interface CentralProcessOptions {
  authorities: number;
  port?: number;
  /** Keep databases on disk in this folder (else in memory). */
  dataFolder?: string;
}

export interface CentralProcess {
  url: string;
  port: number;
  pid: number;
  /** Ends the process at once (SIGKILL), as a crash or a pulled cable would. */
  kill(): Promise<void>;
}

export async function startCentralProcess(options: CentralProcessOptions): Promise<CentralProcess> {
  const args = [...typescriptLoader, join(projectRoot, 'server', 'start-server.ts'), '--port', String(options.port ?? 0), '--authorities', String(options.authorities)];
  args.push(...(options.dataFolder ? ['--data', options.dataFolder] : ['--in-memory']));
  const child: ChildProcess = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The central server did not start in time:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The central server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
