-- Flyway takes over from the agent's own migrator (its schema_version table said 1).
-- Every encoded document now carries the version of the format its codec wrote; rows written
-- before this migration are format 1, the shape that codec still reads and writes.

ALTER TABLE alert_state ADD COLUMN line_format INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE alert_state ALTER COLUMN line_format DROP DEFAULT;

ALTER TABLE outbox ADD COLUMN payload_format INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE outbox ALTER COLUMN payload_format DROP DEFAULT;

-- a zone's commit reads the states of that zone's identities only
CREATE INDEX alert_state_group ON alert_state (identity_name);

DROP TABLE IF EXISTS schema_version;
