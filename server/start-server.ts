// Starts the embedded central server as a process of its own, provisioned and seeded.
//   npm run server -- [--port 5984] [--data FOLDER | --in-memory] [--authorities 5737] [--seed 2010]
import { parseArgs } from 'node:util';
import { setUpCentral } from './central-setup';
import { startEmbeddedServer } from './embedded-server';
import { figure2Total } from './seed/directory-generator';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PORT'] ?? '5984' },
    data: { type: 'string' },
    'in-memory': { type: 'boolean', default: false },
    authorities: { type: 'string', default: String(figure2Total) },
    seed: { type: 'string', default: '2010' },
  },
});

const port = Number(values.port);
const authorities = Number(values.authorities);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}".`);
if (!Number.isInteger(authorities) || authorities < 0) throw new Error(`--authorities must be a whole number, not "${values.authorities}".`);
if (!values['in-memory'] && !values.data) throw new Error('Give --data FOLDER or --in-memory.');

const server = await startEmbeddedServer({ port, dataFolder: values['in-memory'] ? undefined : values.data });
await setUpCentral({ url: server.url, seedAuthorities: authorities, seed: Number(values.seed) });
console.log(`IMI Desk central server ready at ${server.url}`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
