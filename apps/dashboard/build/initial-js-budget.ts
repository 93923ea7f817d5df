import { gzipSync } from 'node:zlib';
import type { Logger, Plugin } from 'vite';

/**
 * Measures the JavaScript a first visit must download before anything renders: the entry chunk and
 * every chunk it imports statically (lazy pages are excluded). Fails the build above the budget, so
 * a heavy import in the shell is caught when it is added, not when a district on a slow line complains.
 */
export function initialJsBudget(options: { maxGzipKiB: number }): Plugin {
  let logger: Logger | undefined;
  return {
    name: 'mrc:initial-js-budget',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
    },
    generateBundle(_outputOptions, bundle) {
      const chunks = new Map<string, { code: string; imports: string[] }>();
      const entries: string[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(output.fileName, { code: output.code, imports: output.imports });
        if (output.isEntry) entries.push(output.fileName);
      }

      const initial = new Set<string>();
      const pending = [...entries];
      for (let fileName = pending.pop(); fileName !== undefined; fileName = pending.pop()) {
        if (initial.has(fileName)) continue;
        initial.add(fileName);
        pending.push(...(chunks.get(fileName)?.imports ?? []));
      }

      let gzipBytes = 0;
      for (const fileName of initial) gzipBytes += gzipSync(chunks.get(fileName)?.code ?? '').length;
      const gzipKiB = gzipBytes / 1024;
      const summary = `initial JS: ${gzipKiB.toFixed(1)} KiB gzip in ${initial.size} chunks (budget ${options.maxGzipKiB} KiB)`;
      if (gzipKiB > options.maxGzipKiB) this.error(`${summary}: ${[...initial].join(', ')}`);
      logger?.info(summary);
    },
  };
}
