import { type AddressInfo, createServer, type Socket } from 'node:net';

/** A Redis command as the client sent it: its name upper-case, then its arguments. */
export type RedisCommand = string[];

export interface FakeRedis {
  url: string;
  close(): Promise<void>;
}

const COMMAND = /^\*(\d+)\r\n((?:\$\d+\r\n[^\r]*\r\n)*)/;
const bulk = (text: string) => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;

/** The replies of a Redis that is up, for the commands the API's connections start with and live updates use. */
export const REPLIES = {
  /** CLIENT SETINFO, sent as ioredis connects. */
  CLIENT: () => '+OK\r\n',
  /** INFO, which ioredis reads to know the server has loaded its data. */
  INFO: () => bulk('loading:0\r\n'),
  SUBSCRIBE: ([, channel]: RedisCommand) => `*3\r\n${bulk('subscribe')}${bulk(channel!)}:1\r\n`,
  PUBLISH: () => ':0\r\n',
} satisfies Record<string, (command: RedisCommand) => string>;

/**
 * A Redis that accepts connections and answers only the commands given a reply: the way a Redis that
 * stalled, or whose host vanished while the connection still looks open, looks to a client. The
 * first command without a reply stalls its connection: nothing after it is answered either, as a
 * Redis answers in order (a later reply would otherwise be taken as the stalled command's).
 */
export async function startFakeRedis(replies: Partial<Record<string, (command: RedisCommand) => string>>): Promise<FakeRedis> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    let stalled = false;
    socket.on('data', (data) => {
      pending += data.toString();
      // Each whole command: an array of bulk strings.
      for (let command = COMMAND.exec(pending); command; command = COMMAND.exec(pending)) {
        const args = [...command[2]!.matchAll(/\$\d+\r\n([^\r]*)\r\n/g)].map((arg) => arg[1]!);
        if (args.length < Number(command[1])) break;
        pending = pending.slice(command[0].length);
        const name = args[0]!.toUpperCase();
        const reply = replies[name];
        if (reply && !stalled) socket.write(reply([name, ...args.slice(1)]));
        else stalled = true;
      }
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((closed) => server.close(closed));
    },
  };
}
