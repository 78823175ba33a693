// The few interface strings the main process shows itself (menu, window title), read from
// the same locale files as the renderer's, in the user's language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultLanguage, type UiLanguage } from '../../shared/languages';

type Messages = Record<string, unknown>;
const cache = new Map<string, Messages>();

function messagesOf(localesFolder: string, language: string): Messages {
  const key = `${localesFolder}|${language}`;
  let messages = cache.get(key);
  if (!messages) {
    try {
      messages = JSON.parse(readFileSync(join(localesFolder, 'ui', `${language}.json`), 'utf8')) as Messages;
    } catch {
      messages = {};
    }
    cache.set(key, messages);
  }
  return messages;
}

function lookup(messages: Messages, key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], messages);
  return typeof value === 'string' ? value : undefined;
}

export function shellStrings(localesFolder: string, language: UiLanguage) {
  return (key: string): string =>
    lookup(messagesOf(localesFolder, language), key) ?? lookup(messagesOf(localesFolder, defaultLanguage), key) ?? key;
}
