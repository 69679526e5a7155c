-- Which node of a cluster rechecks a zone's new serial announced by NOTIFY: the first to insert.
-- claimed_at in epoch milliseconds, as every time in this schema.
CREATE TABLE notify_serial (
    zone       VARCHAR(255) NOT NULL,
    serial     BIGINT       NOT NULL,
    node_id    VARCHAR(64)  NOT NULL,
    claimed_at BIGINT       NOT NULL,
    PRIMARY KEY (zone, serial)
);
CREATE INDEX notify_serial_claimed_at ON notify_serial (claimed_at);
