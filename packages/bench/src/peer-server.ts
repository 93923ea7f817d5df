/**
 * The peer: PostGraphile 5 serving a bench database, as its documentation sets it up (Amber preset,
 * the public schema, grafserv on Node's http server). Started by the bench on Node 24 with
 * DATABASE_URL, PORT and DB_POOL_SIZE; answers GET /health once its schema is built.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 5678);
if (!connectionString) throw new Error('DATABASE_URL is required');

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // Amber hides relations and conditions whose columns have no plain index. club.centre_id is covered
  // only by a partial index (open clubs), so a centre's clubs would vanish from the schema; the
  // bench asks for open clubs only (condition closedOn: null), which that partial index serves.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ['public'],
      // The same pool size as the API's (DB_POOL_SIZE), so neither gets more connections.
      poolConfig: { max: Number(process.env.DB_POOL_SIZE ?? 10), application_name: 'mrc-bench-postgraphile' },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
// Build the schema before answering /health, so the first measured request does not pay for it.
await pgl.getSchema();
// No websockets here, so the plain handler (rather than addTo) is enough, with /health beside it.
const handle = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === '/health') res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  else handle(req, res);
});
server.listen(port, '127.0.0.1');

const stop = () => {
  server.close();
  void Promise.resolve(pgl.release()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
