-- Delivery state that must survive a restart (issue 14):
-- in_flight_at        an attempt started at this time and has not been recorded: the process died
--                     during it, so Slack may have posted it (uncertain)
-- uncertain_attempts  attempts that may have been posted (no answer, or the process died)
-- first_sent_at       when the first attempt that may have been posted started: look-ups read
--                     the channel's history from there
-- held_settings       fingerprint of the channel settings that refused the message as configured
--                     (404/410, invalid_auth ...); NULL when not held. Another fingerprint means
--                     the settings changed: the message is due at once.
-- channel_pause       a Retry-After the channel asked for, so a restart keeps to it.

ALTER TABLE outbox ADD COLUMN in_flight_at BIGINT;
ALTER TABLE outbox ADD COLUMN uncertain_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN first_sent_at BIGINT;
ALTER TABLE outbox ADD COLUMN held_settings VARCHAR(64);

CREATE TABLE channel_pause (
    channel_name VARCHAR(64) NOT NULL PRIMARY KEY,
    paused_until BIGINT      NOT NULL
);
