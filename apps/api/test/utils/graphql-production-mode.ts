/**
 * For suites that measure throughput: loads modules with NODE_ENV=production, then puts it back.
 * graphql-js reads NODE_ENV once, when it loads, and outside production it checks every type test
 * against copies of itself from another realm (`instanceOf`): a development aid that costs more
 * than all the rest of executing a long list (most of a 100,000-row export's time under Jest).
 * The app's own configuration stays `test`, as startTestApp passes it explicitly. The suite must
 * import the app only through this (a static import would load graphql-js first), and Jest gives
 * each test file its own `process.env` and modules, so no other suite is affected.
 */
export async function loadInProductionMode<T>(load: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await load();
  } finally {
    process.env.NODE_ENV = previous;
  }
}
