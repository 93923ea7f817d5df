import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';
import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { Kind } from 'graphql';
import { LRUCache } from 'lru-cache';
import { requestMayHaveWritten } from '../database/sql-statement-counter.js';
import { isBulkExport } from '../exports/caller-graphql.js';
import type { DataVersion } from './data-version.js';
import type { RequestContext } from './request-context.js';

/**
 * Whole answers to read queries, kept in memory for `seconds` and served again to the same person
 * asking the same question in the same language while nothing has changed (DataVersion; for the
 * few answers that show sign-in activity, while nobody has signed in either). Dashboards
 * and analysts repeat their questions far more often than anyone writes, so most reads skip the
 * resolvers and their SQL, and (with the session check cached too, AuthService) the database.
 * The TTL bounds what changes without a mutation: answers that depend on today (what is late) are
 * at most that old.
 *
 * Keyed by the signed-in user, not shared between users: an answer can depend on who asks (a
 * coordinator's own centre, what actions they may take). Answers with errors are never kept.
 *
 * Why not @apollo/server-plugin-response-cache (used before): it keeps answers as JSON text, so
 * every hit parsed the answer back (a fifth of a hit's CPU on the bench's nested query), hashed the
 * whole document, and the answer was then written out as JSON again. Here a kept answer is the
 * result object with its JSON text beside it, which `stringifyResult` sends as it is; Apollo's
 * per-field cache hints, which that plugin needed, stay off.
 */
export function responseCachePlugins(options: { seconds: number; maxBytes: number; version: DataVersion }): ApolloServerPlugin<RequestContext>[] {
  const moveVersionOnMutation: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          // A mutation refused before it wrote (signed out, a wrong password, bad input) changed
          // nothing: kept answers stay, so sending refusals cannot keep everyone's answers cold.
          if (operation?.operation !== 'mutation' || !requestMayHaveWritten()) return;
          // A sign-in or a renewal alone: only answers that show sign-in activity are dropped. Beside
          // another field (`mutation { deactivateUser … login … }`) the other's writes count in full.
          const [only, ...others] = operation.selectionSet.selections;
          if (contextValue.signIns.onlyRecorded && only?.kind === Kind.FIELD && others.length === 0) options.version.signInsRecorded();
          else options.version.changed();
        },
      };
    },
  };
  // Apollo's per-field cache hints cost a call per field of every answer: off. No Cache-Control
  // header goes out, as browsers must not keep answers.
  if (options.seconds === 0) return [ApolloServerPluginCacheControlDisabled(), moveVersionOnMutation];

  const answers = new LRUCache<string, KeptAnswer>({
    ttl: options.seconds * 1000,
    maxSize: options.maxBytes,
    // The JSON text (two bytes a character in Kazakh and Russian), its UTF-8 bytes and those
    // compressed (counted as large as the bytes), generously; the key is a hash, so a long document
    // or long variables cost nothing here.
    sizeCalculation: (answer) => answer.json.length * 2 + answer.bytes.length * 2 + 256,
  });
  // Questions being answered now, by key: the same question asked again meanwhile waits for that
  // answer instead of computing it once more. Without this, a user's 50 concurrent copies of a
  // national aggregate all missed together and computed it 50 times over.
  const inFlight = new Map<string, Promise<KeptAnswer | undefined>>();
  /** A kept answer that shows sign-in activity is stale once anyone has signed in since. */
  const current = (kept: KeptAnswer | undefined) => (kept && (kept.signIns === null || kept.signIns === options.version.signIns) ? kept : undefined);
  const keepAnswers: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      /** Set for a keepable query: who asks what, in which language, at which data version. */
      let key: string | null = null;
      let served = false;
      /** Set when this request answers a question others may wait for: hands them the answer, or nothing. */
      let finish: ((answer: KeptAnswer | undefined) => void) | null = null;
      return {
        async responseForOperation({ operation, contextValue, source, operationName, request }) {
          // An export's pages are read once, and would only push out answers worth keeping.
          // No operation to run (several in the document and none named): graphql-js says so, with its 400.
          if (operation === undefined || operation.operation !== 'query' || contextValue.actor === null || isBulkExport(contextValue)) return null;
          // The data version is the one read before the session check (RequestContext): a change
          // committed after it, even while this request runs, makes the key old. The role and centre
          // are in the key too, so answers made for a user's earlier rights never meet the new ones.
          const { user } = contextValue.actor;
          key = createHash('sha256')
            .update(JSON.stringify([user.id, user.role, user.centreId, contextValue.language, contextValue.dataVersion, operationName ?? null, source, request.variables ?? {}]))
            .digest('base64url');
          // A caller over their request rate is refused, kept answer or not.
          if (contextValue.rateLimited !== null) return null;
          // Awaited only when someone is answering it: a miss leads at once, in the same tick, so a
          // second copy arriving right after finds it in flight.
          const answering = inFlight.get(key);
          // A waited-for answer is checked too: it may have begun before a sign-in this request came after.
          const kept = current(answers.get(key)) ?? (answering ? current(await answering) : undefined);
          if (!kept) {
            finish = lead(inFlight, key, contextValue);
            return null;
          }
          served = true;
          sendAsKeptBytes(contextValue, kept);
          return { body: { kind: 'single', singleResult: { data: kept.data } }, http: { status: undefined, headers: new HeaderMap() } };
        },
        async willSendResponse({ response, contextValue }) {
          let kept: KeptAnswer | undefined;
          try {
            kept = key !== null && !served ? keepable(response, contextValue.signIns.shown ? contextValue.signIns.version : null, contextValue) : undefined;
            if (kept) {
              answers.set(key!, kept);
              sendAsKeptBytes(contextValue, kept);
            }
          } finally {
            finish?.(kept);
          }
        },
      };
    },
  };
  return [ApolloServerPluginCacheControlDisabled(), keepAnswers, moveVersionOnMutation];
}

/**
 * The answer to keep: data with no errors, as JSON text and bytes; undefined for any other answer.
 * The result objects themselves are not kept (for a national aggregate, 18,000 rows of them): a
 * hit hands Apollo an empty stand-in, which `stringifyResult` turns into the kept text.
 */
function keepable(response: GraphQLResponse, signIns: number | null, { writtenLists }: RequestContext): KeptAnswer | undefined {
  if (response.body.kind !== 'single') return undefined;
  const { data, errors, extensions } = response.body.singleResult;
  if (!data || errors !== undefined || extensions !== undefined) return undefined;
  // Written lists not yet laid in (written-lists.ts does it first): kept now, their rows would be empty.
  if (writtenLists !== undefined && !writtenLists.isEmpty && !keptJson.has(data)) return undefined;
  // A compiled read's answer (compiled-reads/) is a stand-in whose text is already written.
  const json = keptJson.get(data) ?? JSON.stringify({ data });
  const standIn = {};
  keptJson.set(data, json);
  keptJson.set(standIn, json);
  const kept: KeptAnswer = { data: standIn, json, bytes: Buffer.from(json), gzipped: null, signIns };
  // Off the request's path: until it is done, a hit is compressed as it goes out, like any answer.
  gzip(kept.bytes, (error, gzipped) => {
    if (!error) kept.gzipped = gzipped;
  });
  return kept;
}

/**
 * Marks `key` as being answered by this request; returns what hands the answer to those waiting.
 * The wait ends with the response too (its `close`), so no request waits on one that failed
 * before it could say.
 */
function lead(inFlight: Map<string, Promise<KeptAnswer | undefined>>, key: string, { res }: RequestContext): ((answer: KeptAnswer | undefined) => void) | null {
  // A response already closed (its client gave up while waiting) would never say `close` again.
  if (typeof res?.once !== 'function' || res.closed || res.writableEnded || inFlight.has(key)) return null;
  let resolve!: (answer: KeptAnswer | undefined) => void;
  const answered = new Promise<KeptAnswer | undefined>((done) => (resolve = done));
  inFlight.set(key, answered);
  const finish = (answer: KeptAnswer | undefined) => {
    // Called twice (the answer, then `close`): the second call finds the key gone, or another
    // request's by then, and leaves it.
    if (inFlight.get(key) === answered) inFlight.delete(key);
    resolve(answer);
  };
  res.once('close', () => finish(undefined));
  return finish;
}

interface KeptAnswer {
  /** An empty object standing for the answer: `keptJson` maps it to `json`. */
  data: Record<string, unknown>;
  json: string;
  /** `json` in UTF-8, made once: what goes on the wire. */
  bytes: Buffer;
  /** `bytes` gzipped, made once, for clients that accept gzip; null until made. */
  gzipped: Buffer | null;
  /** For an answer that shows sign-in activity, the DataVersion.signIns it was read at; otherwise null. */
  signIns: number | null;
}

/**
 * Has this request's answer, when it is the kept answer's text, go out as the bytes kept with it
 * (gzipped, to a client that accepts that).
 * Apollo hands its HTTP integration the answer as text, and Express encodes text into a new Buffer
 * for every response; for a national aggregate (2.7 MB) under load, those copies, one per answer in
 * flight, were most of the API's memory and a good part of its CPU. Anything else the request sends
 * (an error written later, say) is not this text and goes out as Express would send it.
 */
function sendAsKeptBytes({ req, res }: RequestContext, kept: KeptAnswer): void {
  if (typeof res?.send !== 'function') return;
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (body !== kept.json) return send(body);
    // Compressed once, not for every caller: the compression middleware leaves an encoded body be.
    if (kept.gzipped && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.vary('Accept-Encoding');
      return send(kept.gzipped);
    }
    return send(kept.bytes);
  };
}

/** The JSON text of each kept answer's data object (and of its stand-in), for stringifyResult. */
const keptJson = new WeakMap<object, string>();

/**
 * An answer whose JSON text (`{"data":…}`) is already written, as Apollo's data: an empty stand-in
 * that `stringifyResult` sends as that text and the kept answers keep as it is. Compiled reads
 * (compiled-reads/) write theirs in PostgreSQL.
 */
export function preWrittenAnswer(json: string): Record<string, unknown> {
  const standIn = {};
  keptJson.set(standIn, json);
  return standIn;
}

/**
 * Apollo's `stringifyResult`: compact JSON (Apollo pretty-prints by default, which costs time and
 * bytes on large answers), and a kept answer's text as it was written when it was kept.
 */
export function stringifyResult(value: { data?: unknown; errors?: unknown; extensions?: unknown }): string {
  const written = typeof value.data === 'object' && value.data !== null ? keptJson.get(value.data) : undefined;
  if (written === undefined) return JSON.stringify(value);
  if (value.errors === undefined && value.extensions === undefined) return written;
  // Written lists (written-lists.ts) beside another field's error: the errors and extensions go in
  // around the written `{"data":…}`, as graphql-js orders them.
  const errors = value.errors === undefined ? '' : `"errors":${JSON.stringify(value.errors)},`;
  const extensions = value.extensions === undefined ? '' : `,"extensions":${JSON.stringify(value.extensions)}`;
  return `{${errors}${written.slice(1, -1)}${extensions}}`;
}
