// Runs the exchange relay as a process of its own against a central endpoint.
//   npm run relay -- --url http://127.0.0.1:5984 [--poll-ms 1000]
// Credentials of a server admin come from IMI_DESK_RELAY_USER and IMI_DESK_RELAY_PASSWORD.
import { parseArgs } from 'node:util';
import { CentralClient } from './central-client';
import { startExchangeRelay } from './relay/exchange-relay';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env['IMI_DESK_CENTRAL_URL'] ?? 'http://127.0.0.1:5984' },
    'poll-ms': { type: 'string', default: '1000' },
    quiet: { type: 'boolean', default: false },
  },
});

const pollMs = Number(values['poll-ms']);
if (!Number.isInteger(pollMs) || pollMs < 10) throw new Error(`--poll-ms must be a whole number of milliseconds (at least 10), not "${values['poll-ms']}".`);
const user = process.env['IMI_DESK_RELAY_USER'];
const password = process.env['IMI_DESK_RELAY_PASSWORD'];
const client = new CentralClient(values.url!, user && password ? { username: user, password } : undefined);
const relay = await startExchangeRelay({ client, pollMs, log: values.quiet ? undefined : (line) => console.log(line) });
console.log(`IMI Desk exchange relay running against ${values.url}`);

const stop = () => void relay.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
