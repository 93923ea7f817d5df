// `pnpm start` (or `npm start`): install if needed, build what is missing, then serve the whole
// platform from one process: API, explorer and dashboard on PORT (default 3000).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureInstalled, pnpm, ROOT } from './workspace.mjs';

ensureInstalled();
pnpm(['exec', 'turbo', 'run', 'build', '--filter=@mrc/api...', '--filter=@mrc/dashboard...', '--output-logs=errors-only']);

// The V8 flags production runs with (apps/api/src/config/node-flags.ts), from the build just made.
const { PRODUCTION_NODE_FLAGS } = await import(pathToFileURL(join(ROOT, 'apps/api/dist/config/node-flags.js')).href);
const api = spawn(process.execPath, [...PRODUCTION_NODE_FLAGS, join(ROOT, 'apps/api/dist/main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
// The API stops cleanly on either signal and ignores repeats (Ctrl-C already reached it through the
// process group); pass them on for a signal sent to this process alone, and leave with its exit code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
