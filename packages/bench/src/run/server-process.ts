import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Clock ticks per second of /proc/<pid>/stat's times. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * A server the bench starts (the API, PostGraphile) as a direct child, so its pid is the Node
 * process itself and its CPU time and memory can be read from /proc.
 */
export class ServerProcess {
  private output: string[] = [];
  private exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exited = once(child, 'exit').then(([code]) => code as number | null);
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(options: { name: string; node: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string; port: number; readyPath: string; timeoutMs?: number }): Promise<ServerProcess> {
    const child = spawn(options.node, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new ServerProcess(options.name, child, `http://127.0.0.1:${options.port}`);
    const deadline = Date.now() + (options.timeoutMs ?? 180_000);
    let exitCode: number | null | undefined;
    void server.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`${options.name} exited (${exitCode}) before it was ready:\n${server.log()}`);
      try {
        const response = await fetch(`${server.url}${options.readyPath}`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return server;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 250));
    }
    await server.stop();
    throw new Error(`${options.name} was not ready within ${(options.timeoutMs ?? 180_000) / 1000} s:\n${server.log()}`);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** User plus system CPU time the process has used so far, in milliseconds. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // The command name may hold spaces; fields are counted from after its closing parenthesis (field 3 on).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_SECOND;
  }

  /**
   * Waits until the process is idle: requests a load run left queued (autocannon closes its sockets
   * at the end, the server still answers what it had accepted) must not count in the next run.
   */
  async settle(maxMs = 180_000): Promise<boolean> {
    const deadline = Date.now() + maxMs;
    let before = this.cpuMs();
    while (Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 500));
      const now = this.cpuMs();
      if (now - before <= 20) return true;
      before = now;
    }
    return false;
  }

  /** Resident memory now, in MB. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return Math.round((kb / 1024) * 10) / 10;
  }

  log(): string {
    return this.output.join('').slice(-6000);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}
