import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../../shared/languages';
import { shellStrings } from './shell-strings';

const locales = join(import.meta.dirname, '..', '..', 'locales');

describe('menu and window title strings', () => {
  it('come in the user’s language', () => {
    expect(shellStrings(locales, 'de')('menu.edit')).toBe('Bearbeiten');
    expect(shellStrings(locales, 'fr')('menu.quit')).toContain('IMI Desk');
    expect(shellStrings(locales, 'en')('app.windowTitle')).toContain('IMI Desk');
  });
  it('exist for every menu entry in all 26 languages, and differ from English where they should', () => {
    for (const language of uiLanguages) {
      const t = shellStrings(locales, language);
      for (const key of ['menu.file', 'menu.edit', 'menu.view', 'menu.help', 'menu.quit', 'app.windowTitle']) {
        expect(t(key), `${language} ${key}`).not.toBe(key);
      }
    }
    expect(shellStrings(locales, 'pl')('menu.edit')).not.toBe(shellStrings(locales, 'en')('menu.edit'));
  });
  it('fall back to English, then to the key, for what is missing', () => {
    expect(shellStrings(join(locales, 'nowhere'), 'de')('menu.edit')).toBe('menu.edit');
    expect(shellStrings(locales, 'de')('menu.noSuchEntry')).toBe('menu.noSuchEntry');
  });
});
