import type { ReactNode } from 'react';

/** What just happened ("Saved."), said politely: screen readers read it when they are next idle. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
