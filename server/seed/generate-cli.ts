// `npm run seed -- --authorities N [--seed S] (--out FILE.json | --url URL [--username U --password P])`
// Generates a synthetic directory and writes it to a file or loads it into a central server.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CentralClient } from '../central-client';
import { provisionCentral } from '../provisioning';
import { figure2Total, generateDirectory } from './directory-generator';
import { generateRegisters } from './register-generator';
import { seedDirectory } from './seed-directory';

const { values } = parseArgs({
  options: {
    authorities: { type: 'string', default: String(figure2Total) },
    seed: { type: 'string', default: '2010' },
    out: { type: 'string' },
    url: { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string' },
  },
});

const authorities = Number(values.authorities);
const seed = Number(values.seed);
if (!Number.isInteger(authorities) || authorities < 0) throw new Error(`--authorities must be a whole number, not "${values.authorities}".`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}".`);
if (!values.out && !values.url) throw new Error('Give --out FILE.json or --url URL.');

const started = performance.now();
const directory = generateDirectory({ authorities, seed });
console.log(`Generated ${directory.length} authorities in ${Math.round(performance.now() - started)} ms.`);

if (values.out) {
  await writeFile(values.out, JSON.stringify(directory));
  console.log(`Written to ${values.out}.`);
}
if (values.url) {
  const credentials = values.username ? { username: values.username, password: values.password ?? '' } : undefined;
  const client = new CentralClient(values.url, credentials);
  await provisionCentral(client);
  const outcome = await seedDirectory(client, directory, generateRegisters(directory), `generated:${seed}:${authorities}:registers`, ({ written, total }) =>
    process.stdout.write(`\r  ${written} of ${total} documents`),
  );
  console.log(outcome === 'seeded' ? '\nLoaded.' : 'That directory is already there.');
}
