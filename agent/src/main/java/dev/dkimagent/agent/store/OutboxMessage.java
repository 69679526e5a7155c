package dev.dkimagent.agent.store;

import java.time.Instant;

/**
 * A pending message taken from the outbox.
 *
 * @param id                outbox order: per identity, messages go out in ascending id
 * @param payload           the message as its owner encoded it
 * @param attempts          delivery attempts made so far
 * @param uncertainAttempts attempts that may have been posted (no answer came back)
 * @param inFlightAt        an attempt started then and was never recorded (the process died
 *                          during it); null when none
 * @param firstSentAt       when the first attempt that may have been posted started; null when none
 */
public record OutboxMessage(long id, String identity, Document payload, int attempts, int uncertainAttempts,
                            Instant inFlightAt, Instant firstSentAt) {

    /** A message no attempt of which may have been posted. */
    public OutboxMessage(long id, String identity, Document payload, int attempts) {
        this(id, identity, payload, attempts, 0, null, null);
    }

    /** The key a channel tags the post with, to find it after an uncertain attempt. */
    public String deliveryKey() {
        return "outbox-" + id;
    }
}
