import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits at apps/api/{src,dist}/config/, both three levels below the repository root.
const here = dirname(fileURLToPath(import.meta.url));

export const API_ROOT = resolve(here, '../..');
export const REPO_ROOT = resolve(here, '../../../..');
