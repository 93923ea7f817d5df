import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { LRUCache } from 'lru-cache';
import { isBulkExport } from '../exports/caller-graphql.js';
import type { DataVersion } from './data-version.js';
import type { RequestContext } from './request-context.js';

/**
 * Whole answers to read queries, kept in memory for `seconds` and served again to the same person
 * asking the same question in the same language while nothing has changed (DataVersion). Dashboards
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
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') options.version.changed();
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
    // The JSON text (two bytes a character in Kazakh and Russian) and the result objects it was
    // written from, in bytes, generously; the key is a hash, so a long document or long variables
    // cost nothing here.
    sizeCalculation: (answer) => answer.json.length * 4 + 256,
  });
  const keepAnswers: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      /** Set for a keepable query: who asks what, in which language, at which data version. */
      let key: string | null = null;
      let served = false;
      return {
        async responseForOperation({ operation, contextValue, source, operationName, request }) {
          // An export's pages are read once, and would only push out answers worth keeping.
          if (operation.operation !== 'query' || contextValue.actor === null || isBulkExport(contextValue)) return null;
          // The data version is the one read before the session check (RequestContext): a change
          // committed after it, even while this request runs, makes the key old. The role and centre
          // are in the key too, so answers made for a user's earlier rights never meet the new ones.
          const { user } = contextValue.actor;
          key = createHash('sha256')
            .update(JSON.stringify([user.id, user.role, user.centreId, contextValue.language, contextValue.dataVersion, operationName ?? null, source, request.variables ?? {}]))
            .digest('base64url');
          // A caller over their request rate is refused, kept answer or not.
          if (contextValue.rateLimited !== null) return null;
          const kept = answers.get(key);
          if (!kept) return null;
          served = true;
          return { body: { kind: 'single', singleResult: { data: kept.data } }, http: { status: undefined, headers: new HeaderMap() } };
        },
        async willSendResponse({ response }) {
          if (key === null || served || response.body.kind !== 'single') return;
          const { data, errors, extensions } = response.body.singleResult;
          if (!data || errors !== undefined || extensions !== undefined) return;
          const json = JSON.stringify({ data });
          keptJson.set(data, json);
          answers.set(key, { data, json });
        },
      };
    },
  };
  return [ApolloServerPluginCacheControlDisabled(), keepAnswers, moveVersionOnMutation];
}

interface KeptAnswer {
  data: Record<string, unknown>;
  json: string;
}

/** The JSON text of each kept answer's data object, for stringifyResult. */
const keptJson = new WeakMap<object, string>();

/**
 * Apollo's `stringifyResult`: compact JSON (Apollo pretty-prints by default, which costs time and
 * bytes on large answers), and a kept answer's text as it was written when it was kept.
 */
export function stringifyResult(value: { data?: unknown; errors?: unknown; extensions?: unknown }): string {
  const kept = value.errors === undefined && value.extensions === undefined && typeof value.data === 'object' && value.data !== null ? keptJson.get(value.data) : undefined;
  return kept ?? JSON.stringify(value);
}
