import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workbench's saved queries (issue 7): an analyst's own GraphQL documents, each private or
 * shared with every analyst and administrator. The database holds the limits the API states.
 */
export class CreateSavedQueries1764185000000 implements MigrationInterface {
  name = 'CreateSavedQueries1764185000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_query (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE RESTRICT,
        title        text NOT NULL,
        description  text,
        document     text NOT NULL,
        variables    jsonb,
        shared       boolean NOT NULL DEFAULT false,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        version      integer NOT NULL DEFAULT 1,
        CONSTRAINT saved_query_title_length CHECK (btrim(title) <> '' AND char_length(title) <= 200),
        CONSTRAINT saved_query_description_length CHECK (description IS NULL OR char_length(description) <= 2000),
        CONSTRAINT saved_query_document_length CHECK (btrim(document) <> '' AND char_length(document) <= 20000),
        CONSTRAINT saved_query_variables_object CHECK (variables IS NULL OR jsonb_typeof(variables) = 'object')
      )
    `);
    // A user's own list and the shared list, both newest first.
    await db.query(`CREATE INDEX saved_query_owner_idx ON saved_query (owner_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX saved_query_shared_idx ON saved_query (created_at DESC, id DESC) WHERE shared`);
    await db.query(`COMMENT ON TABLE saved_query IS 'A GraphQL query an analyst saved in the workbench, private to its owner or shared.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_query`);
  }
}
