// `npm start`: the desktop app on the training workspace. Where the Electron runtime is not
// installed and cannot be downloaded, the same workstation is served through the web host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWeb } from '../electron/web-host/start-web';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronFolder = join(projectRoot, 'node_modules', 'electron');

function electronBinary(): string | undefined {
  const pathFile = join(electronFolder, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronFolder, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

function installElectron(): string | undefined {
  if (!existsSync(join(electronFolder, 'install.js'))) return undefined;
  const result = spawnSync(process.execPath, [join(electronFolder, 'install.js')], { cwd: electronFolder, stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 ? electronBinary() : undefined;
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const binary = electronBinary() ?? installElectron();
if (binary) {
  run(process.execPath, [join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  run(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'scripts', 'build-electron.ts')]);
  const app = spawn(binary, [join(projectRoot, 'dist', 'electron', 'main.cjs')], { cwd: projectRoot, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron runtime is not installed and cannot be downloaded here, so IMI Desk opens in your browser through its web host instead.');
  await startWeb();
}
