-- One view for operators in cluster mode (issue 11). Portable SQL (H2 2.x, PostgreSQL); times are
-- epoch milliseconds. Single mode leaves both tables empty.
--
-- cluster_lease  a named lease: held by one node until expires_at unless renewed. The node holding
--                'metrics-publisher' publishes the domain series (records, findings, SES) for all.
-- zone_series    what a zone's last judgement publishes, written by the node that judged it: the
--                series document in its own versioned format (read back by the metrics codec only).
--                updated_at moves when the document changed (the publisher reads only those rows),
--                judged_at whenever a sweep covered the zone (rows nobody judges any more expire).

CREATE TABLE cluster_lease (
    lease_name VARCHAR(64) NOT NULL PRIMARY KEY,
    holder     VARCHAR(64) NOT NULL,
    expires_at BIGINT      NOT NULL
);

CREATE TABLE zone_series (
    zone_key   VARCHAR(300)     NOT NULL PRIMARY KEY,
    format     INTEGER          NOT NULL,
    document   VARCHAR(1000000) NOT NULL,
    updated_at BIGINT           NOT NULL,
    judged_at  BIGINT           NOT NULL
);

CREATE INDEX zone_series_updated ON zone_series (updated_at);
