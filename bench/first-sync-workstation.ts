// Our side of the first-sync benchmark, in a process of its own so that its memory is the
// workstation's alone: opens a workstation core on a fresh replica in FOLDER, waits until
// every authority has arrived from URL, and prints one line of JSON with the time taken,
// the authorities held and the process's peak resident memory.
import { openWorkstationCore } from '../electron/core/workstation-core';

const [centralUrl, folder, expectedText] = process.argv.slice(2);
if (!centralUrl || !folder || !expectedText) throw new Error('usage: first-sync-workstation URL FOLDER EXPECTED');
const expected = Number(expectedText);
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const core = await openWorkstationCore({ dataFolder: folder, centralUrl, workspace: 'connected', version: 'bench' });
let received = 0;
let lastProgress = performance.now();
const stopWatching = core.streams['sync.status']({}, (status) => {
  if (status.documentsReceived !== received) lastProgress = performance.now();
  received = status.documentsReceived;
});
await core.initialSync;
const initialSyncSeconds = (performance.now() - start) / 1000;
const receivedAtInitialSync = received;
// Then until every authority is received, or nothing more has come for 30 seconds.
while (received < expected && performance.now() - lastProgress < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
await core.awaitInSync();
const seconds = (performance.now() - start) / 1000;
stopWatching();
const counts = await core.calls['directory.countryCounts']({});
await core.close();
const held = Object.values(counts).reduce((sum, count) => sum + count, 0);
// The operating system's own record of the process's peak resident memory (kilobytes).
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ seconds, initialSyncSeconds, receivedAtInitialSync, held, rssBefore, peakRss }));
