// The user's settings, kept in a JSON file in the data folder. A damaged file is set aside
// (renamed, never overwritten in place) and defaults are used.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { settingsSchema, type Settings } from '../../shared/api/workstation-api';
import { defaultLanguage } from '../../shared/languages';

export const defaultSettings: Settings = { language: defaultLanguage };

export class SettingsStore {
  private current: Settings = defaultSettings;
  private readonly listeners = new Set<(settings: Settings) => void>();
  private readonly file: string;

  constructor(private readonly folder: string) {
    this.file = join(folder, 'settings.json');
  }

  async load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return this.current; // no settings yet
    }
    try {
      this.current = settingsSchema.parse(JSON.parse(text));
    } catch {
      await rename(this.file, `${this.file}.damaged-${Date.now()}`).catch(() => {});
    }
    return this.current;
  }

  /** Tells `listener` of every change; returns a function that stops it. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(): Settings {
    return this.current;
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.current, ...change });
    await mkdir(this.folder, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(next, null, 2));
    await rename(temporary, this.file);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }
}
