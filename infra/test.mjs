// `pnpm test`: every check, in the order a reviewer would want them to fail:
// typecheck, lint, unit and API end-to-end tests, dashboard component tests, then the browser test
// against the built dashboard and API.
import { ensureInstalled, pnpm } from './workspace.mjs';

ensureInstalled();
pnpm(['exec', 'turbo', 'run', 'typecheck', 'lint', 'test', '--output-logs=new-only', '--continue=dependencies-successful']);
pnpm(['exec', 'turbo', 'run', 'test:browser', '--output-logs=new-only']);
