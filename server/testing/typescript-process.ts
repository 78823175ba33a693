// Starts one of the project's TypeScript entry points as a separate process and waits for
// the line that says it is ready. Node runs the TypeScript itself (through tsx's loader), so
// the pid is the program's own and SIGKILL ends it, as a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface StartedProcess {
  pid: number;
  /** The first match of the ready pattern. */
  ready: RegExpExecArray;
  /** Everything it printed so far. */
  output(): string;
  /** Ends the process at once (SIGKILL). */
  kill(): Promise<void>;
}

export async function startTypescriptProcess(script: string, args: string[], readyPattern: RegExp, what: string): Promise<StartedProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, script), ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The ${what} did not start in time:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The ${what} exited with ${code}:\n${output}`));
    });
  });
  return {
    pid: child.pid!,
    ready,
    output: () => output,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
