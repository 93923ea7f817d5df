export default async function globalTeardown(): Promise<void> {
  await globalThis.__MRC_TEST_DATABASE__?.close();
}
