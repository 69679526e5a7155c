-- The last SES scan's view, shared by every node of a cluster (issue 11): what the agent judges
-- SES with (the SES identities and their records, each identity's state per account and region,
-- the account/region pairs that could not be read, the memory the scan was judged against), as
-- the document its codec wrote, with that format's version (the store never reads inside it).
-- scan_seq grows by one with every stored scan: a node compares it with the one it loaded and
-- reads the document only when it changed. One row (id 1), there from the start with scan 0 and
-- no document, so storing a scan is always an UPDATE of that row, which also orders two writers.
-- TEXT: unbounded on PostgreSQL, CHARACTER VARYING without a length on H2 2.x.

CREATE TABLE ses_view (
    id          INTEGER PRIMARY KEY,
    scan_seq    BIGINT  NOT NULL,
    scanned_at  BIGINT,
    view_format INTEGER,
    view_json   TEXT
);
INSERT INTO ses_view (id, scan_seq) VALUES (1, 0);
