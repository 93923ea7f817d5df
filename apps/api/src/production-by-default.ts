/**
 * Imported first by main.ts. The API's own configuration treats an unset NODE_ENV as production
 * (config/env.ts), and libraries must see the same: graphql-js, for one, picks a development
 * `instanceOf` that costs a second of CPU on a large answer when NODE_ENV is not 'production', and
 * it decides when it is loaded. ES modules run their imports in order, so this runs before them.
 */
if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';
