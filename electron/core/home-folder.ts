// Where the workstation keeps its data: IMI_DESK_HOME, else the platform's user-data folder
// (the same folder Electron's app.getPath('userData') gives for "IMI Desk").
import { homedir } from 'node:os';
import { join } from 'node:path';

export const productName = 'IMI Desk';

export function defaultHomeFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['IMI_DESK_HOME']) return env['IMI_DESK_HOME'];
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', productName);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), productName);
}
