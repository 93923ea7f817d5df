-- Run once by a DBA (or the compose file) on a new PostgreSQL server. The application creates its
-- own tables through migrations; this only prepares what a migration should not have to.
-- Requires PostgreSQL 13+ (gen_random_uuid is built in) built with ICU (for kk/ru/en sorting).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'kk-x-icu') THEN
    RAISE EXCEPTION 'This PostgreSQL has no ICU collations; MRC Network sorts Kazakh and Russian with them.';
  END IF;
END $$;
-- Keep one runaway query from holding a connection for ever.
ALTER DATABASE mrc SET statement_timeout = '30s';
ALTER DATABASE mrc SET idle_in_transaction_session_timeout = '60s';
