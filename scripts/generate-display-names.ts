// Writes locales/display-names.json: country and language names and the long date pattern of
// every interface language, from Node's full ICU data. Browsers (and Electron) may ship ICU
// data without some of the 26 languages (Irish, Maltese and Icelandic among them); the
// renderer falls back to this file for those. Run: npx tsx scripts/generate-display-names.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayNamesFile } from '../locales/display-names-source';

writeFileSync(join(import.meta.dirname, '..', 'locales', 'display-names.json'), `${JSON.stringify(displayNamesFile(), null, 2)}\n`);
console.log('Written locales/display-names.json');
