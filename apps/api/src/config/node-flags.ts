/**
 * The V8 flags the API runs with in production: `pnpm start` (infra/start.mjs), `start:prod`, the
 * Docker image and the bench all start it with these (a test checks the ones that cannot import
 * this file).
 *
 * Node's defaults size the heap for the machine (a few GB on the 24 GB hosts here) and, from Node 22,
 * let the young generation grow to tens of MB per semi-space: the API kept 480-520 MB after the
 * national bench. An 8 MB semi-space and a 512 MB old space make V8 collect sooner: 283-302 MB after
 * the same bench in three runs (Node 24; the live heap is about 90 MB idle, and a 100,000-row export
 * adds about 70 MB). The price, measured: answers computed from scratch allocate a lot (a national
 * aggregate builds 18,000 rows) and collect more often in the smaller young generation, taking a
 * quarter (the nested network query) to two fifths (the aggregate) longer; kept answers, most reads,
 * are as fast. A host with memory to spare can drop `--max-semi-space-size` for the speed; a smaller
 * one must not go below the largest export's needs.
 */
export const PRODUCTION_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=8', '--max-old-space-size=512'] as const;
