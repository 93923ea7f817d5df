// Loaded with `node --import` into the API process by export-memory.mjs: reports the process's own
// memory over the IPC channel, so no endpoint has to exist for it. Asked `{ gc: true }` (the
// process runs with --expose-gc), it first collects garbage, so what is left is what is kept.
if (typeof process.send === 'function') {
  const report = (afterGc = false) => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send({ rss, heapUsed, heapTotal, external, arrayBuffers, afterGc });
  };
  setInterval(report, 25).unref();
  process.on('message', (message) => {
    if (message && message.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      report(true);
    }
  });
  // The IPC channel must not keep the API alive once it is asked to stop.
  process.channel?.unref();
}
