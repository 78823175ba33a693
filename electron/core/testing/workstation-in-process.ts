// Starts electron/core/testing/workstation-process.ts and calls it: the test side.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../../server/testing/typescript-process';

export interface WorkstationInProcess {
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startWorkstationProcess(dataFolder: string, centralUrl: string, authorityId: string): Promise<WorkstationInProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'electron/core/testing/workstation-process.ts'), dataFolder, centralUrl, authorityId], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code) => reject(new Error(`The workstation process exited with ${code}:\n${errors}`)));
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') return ready();
    if (!line.startsWith('{')) return;
    const answer = JSON.parse(line) as { id: number; result?: unknown; error?: { code: string; message: string } };
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.error) pending?.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
    else pending?.resolve(answer.result);
  });
  await started;
  let next = 0;
  return {
    call<T>(method: string, input: unknown = {}) {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.stdin.write(`${JSON.stringify({ id, method, input })}\n`);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
