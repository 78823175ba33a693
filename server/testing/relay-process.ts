// Starts the exchange relay as a separate process, for tests that kill it at random moments.
import { startTypescriptProcess, type StartedProcess } from './typescript-process';

export async function startRelayProcess(centralUrl: string, pollMs = 100): Promise<StartedProcess> {
  return startTypescriptProcess('server/start-relay.ts', ['--url', centralUrl, '--poll-ms', String(pollMs)], /exchange relay running/, 'exchange relay');
}
