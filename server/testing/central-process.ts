// Starts the embedded central server as a separate process, for integration and
// end-to-end tests that stop and restart it.
import { startTypescriptProcess } from './typescript-process';

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
  const args = ['--port', String(options.port ?? 0), '--authorities', String(options.authorities)];
  args.push(...(options.dataFolder ? ['--data', options.dataFolder] : ['--in-memory']));
  const started = await startTypescriptProcess('server/start-server.ts', args, /ready at (http:\/\/\S+)/, 'central server');
  const url = started.ready[1]!;
  return { url, port: Number(new URL(url).port), pid: started.pid, kill: started.kill };
}
