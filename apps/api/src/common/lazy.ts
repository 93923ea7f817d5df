/**
 * A thenable that starts its work on the first `then`. GraphQL execution awaits a field's value only
 * when the field is selected, so an object whose fields are lazy costs no query for what nobody asked.
 */
export function lazy<T>(start: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return { then: (onFulfilled, onRejected) => (started ??= start()).then(onFulfilled, onRejected) };
}

/** A lazy value derived from another, started when the derived one is awaited. */
export function derived<T, U>(source: PromiseLike<T>, derive: (value: T) => U): PromiseLike<U> {
  return lazy(async () => derive(await source));
}
