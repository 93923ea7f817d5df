/** Grey lines where a list is about to appear; screen readers hear `label`. */
export function ListSkeleton({ label, testId }: { label: string; testId?: string }) {
  return (
    <div role="status" data-testid={testId}>
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="skeleton skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}
