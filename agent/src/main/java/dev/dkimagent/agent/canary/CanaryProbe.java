package dev.dkimagent.agent.canary;

import dev.dkimagent.agent.mail.CanaryObservation;
import dev.dkimagent.agent.mail.InvalidMessageException;
import dev.dkimagent.agent.mail.MailMessage;
import dev.dkimagent.agent.mail.MessageVerification;
import dev.dkimagent.agent.mail.MessageVerifier;
import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryRound.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * One canary round for one identity: send, wait for the message in the mailbox (looking every
 * poll interval until the timeout), verify it, and say what was seen as a {@link CanaryRound}.
 * Observations, never verdicts; failures to send or read become a FAILED round (MON02).
 */
public final class CanaryProbe {
    /** Waits between looks at the mailbox (a seam: tests pass one that does not sleep for real). */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final CanarySender sender;
    private final CanaryMailbox mailbox;
    private final MessageVerifier verifier;
    private final Clock clock;
    private final Pause pause;
    private final Duration timeout;
    private final Duration poll;

    public CanaryProbe(CanarySender sender, CanaryMailbox mailbox, MessageVerifier verifier, Clock clock, Pause pause,
                       Duration timeout, Duration poll) {
        this.sender = sender;
        this.mailbox = mailbox;
        this.verifier = verifier;
        this.clock = clock;
        this.pause = pause;
        this.timeout = timeout;
        this.poll = poll;
    }

    public CanaryRound run(String identity, String from, String to) throws InterruptedException {
        CanaryMessage message = CanaryMessage.create(identity, from, to);
        Instant sentAt = clock.instant();
        try {
            sender.send(message, sentAt);
            Optional<byte[]> raw = waitFor(message.id(), sentAt);
            if (raw.isEmpty()) {
                return round(message, sentAt, Delivery.NOT_DELIVERED, null, List.of(), List.of(), null);
            }
            return delivered(message, sentAt, raw.get());
        } catch (CanaryException e) {
            return round(message, sentAt, Delivery.FAILED, null, List.of(), List.of(),
                    new CanaryRound.Failure(e.stage(), e.getMessage(),
                            e.stage() == CanaryRound.Stage.MAILBOX ? mailbox.display() : null));
        }
    }

    private Optional<byte[]> waitFor(String id, Instant sentAt) throws CanaryException, InterruptedException {
        Instant deadline = sentAt.plus(timeout);
        while (true) {
            Optional<byte[]> found = mailbox.take(id);
            if (found.isPresent() || !clock.instant().isBefore(deadline)) {
                return found;
            }
            pause.sleep(poll);
        }
    }

    private CanaryRound delivered(CanaryMessage message, Instant sentAt, byte[] raw)
            throws InterruptedException, CanaryException {
        Duration roundTrip = Duration.between(sentAt, clock.instant());
        MessageVerification verification;
        try {
            verification = verifier.verify(MailMessage.parse(raw)).get();
        } catch (InvalidMessageException e) {
            throw new CanaryException(CanaryRound.Stage.MAILBOX, "the mailbox returned something that is not a"
                    + " message: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new CanaryException(CanaryRound.Stage.MAILBOX, "verification failed unexpectedly: " + e.getCause(), e);
        }
        if (verification.cannotRun()) {
            throw new CanaryException(CanaryRound.Stage.VERIFY, "no resolver answered the key look-ups: nothing"
                    + " about the signatures was seen (set dkim-agent.dns.resolvers to reachable resolvers)", null);
        }
        return round(message, sentAt, Delivery.DELIVERED, roundTrip, CanaryObservation.signatures(verification),
                CanaryObservation.receiver(verification), null);
    }

    private CanaryRound round(CanaryMessage message, Instant sentAt, Delivery delivery, Duration roundTrip,
                              List<CanaryRound.Signature> signatures, List<CanaryRound.ReceiverDkim> receiver,
                              CanaryRound.Failure failure) {
        return new CanaryRound(message.identity(), message.from(), sentAt, delivery, roundTrip, timeout, signatures,
                receiver, failure);
    }
}
