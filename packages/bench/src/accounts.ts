import type { Role } from '@mrc/domain';

/**
 * The accounts the generator creates on a bench database, and their passwords. Bench databases are
 * made-up data on a local server: these passwords protect nothing and must never be used elsewhere.
 */
export interface BenchAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
}

export const BENCH_ACCOUNTS = {
  /** S1: the administrator who opens the overview. */
  admin: { email: 'bench-admin@mrc.bench', password: 'Bench-Admin-Qaragandy-2026', role: 'REGIONAL_ADMIN', displayName: 'Bench administrator' },
  /** Approves the generated reports (nobody approves a report they submitted). */
  reviewer: { email: 'bench-reviewer@mrc.bench', password: 'Bench-Reviewer-Qaragandy-2026', role: 'REGIONAL_ADMIN', displayName: 'Bench reviewer' },
  /** S4: files reports for any centre. */
  writer: { email: 'bench-writer@mrc.bench', password: 'Bench-Writer-Qaragandy-2026', role: 'REGIONAL_ADMIN', displayName: 'Bench report writer' },
  /** S3: the analyst. */
  analyst: { email: 'bench-analyst@mrc.bench', password: 'Bench-Analyst-Qaragandy-2026', role: 'ANALYST', displayName: 'Bench analyst' },
} as const satisfies Record<string, BenchAccount>;

/** Every district coordinator (one per reporting centre, `coord-<centre code>@mrc.bench`) has this password. */
export const COORDINATOR_PASSWORD = 'Bench-Coordinator-Qaragandy-2026';

export const coordinatorEmail = (centreCode: string) => `coord-${centreCode}@mrc.bench`;
