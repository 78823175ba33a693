// A workstation core in a process of its own, for tests that need more workstations than
// one process may hold (RxDB's open-source build opens at most 13 collections per process).
// Arguments: data folder, central URL, authority id. It prints "ready" once its first sync
// is done, then answers calls given one JSON line at a time on stdin,
// {"id":1,"method":"cases.list","input":{}} (method "awaitInSync" waits for the sync), with
// {"id":1,"result":…} or {"id":1,"error":{"code":…,"message":…}} on stdout.
import { createInterface } from 'node:readline';
import type { CallName } from '../../../shared/api/workstation-api';
import { openWorkstationCore } from '../workstation-core';

const [dataFolder, centralUrl, authorityId] = process.argv.slice(2);
if (!dataFolder || !centralUrl || !authorityId) throw new Error('Give the data folder, the central URL and the authority id.');
const core = await openWorkstationCore({ dataFolder, centralUrl, workspace: 'connected', version: 'test', authorityId, longPollMs: 2_000 });
await core.initialSync;
console.log('ready');

for await (const line of createInterface({ input: process.stdin })) {
  const { id, method, input } = JSON.parse(line) as { id: number; method: string; input: unknown };
  try {
    const result = method === 'awaitInSync' ? await core.awaitInSync() : await (core.calls[method as CallName] as (input: unknown) => Promise<unknown>)(input);
    console.log(JSON.stringify({ id, result: result ?? null }));
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    console.log(JSON.stringify({ id, error: { code: code ?? 'failed', message: message ?? String(error) } }));
  }
}
await core.close();
