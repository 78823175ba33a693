// Bundles the Electron main process and preload into dist/electron (CommonJS, as Electron
// loads them); dependencies stay in node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning' } as const;

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', packages: 'external' });
// The preload runs sandboxed: only `electron` may stay external.
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
