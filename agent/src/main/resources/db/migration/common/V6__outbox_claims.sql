-- Outbox claims for cluster mode (issue 11): several agents drain one outbox. A node claims a
-- message before it sends it and renews the claim while it works; a node that dies stops renewing,
-- and once claim_expires_at has passed another node takes the message over. Single mode leaves
-- both columns NULL. Times are epoch milliseconds, as everywhere in this schema.
-- claimed_by        the node id (cluster.node-id) holding the message; NULL when nobody does
-- claim_expires_at  when the claim lapses unless renewed

ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE outbox ADD COLUMN claim_expires_at BIGINT;
