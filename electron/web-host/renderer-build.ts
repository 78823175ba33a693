// Makes sure the built renderer exists and is newer than its sources before serving it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function ensureRendererBuilt(projectRoot: string, log: (message: string) => void): Promise<string> {
  const output = join(projectRoot, 'dist', 'renderer');
  const index = join(output, 'index.html');
  const sources = ['renderer', 'shared', 'locales'].map((folder) => join(projectRoot, folder)).filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestChange))) return output;
  if (!existsSync(join(projectRoot, 'node_modules', 'vite'))) {
    throw new Error('The workstation interface is not built and Vite is not installed: run "npm install" first.');
  }
  log('Building the workstation interface…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn', configFile: join(projectRoot, 'vite.config.ts') });
  return output;
}
