-- One row the store rewrites to prove it can still write (after a full disk, a read-only
-- filesystem or a database restart), before it reports itself up and before an alert goes out.

CREATE TABLE store_probe (
    id        INTEGER PRIMARY KEY,
    probed_at BIGINT  NOT NULL
);
INSERT INTO store_probe (id, probed_at) VALUES (1, 0);
