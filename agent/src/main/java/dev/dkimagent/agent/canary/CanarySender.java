package dev.dkimagent.agent.canary;

/** Sends a canary message the way the identity's real mail goes out. */
public interface CanarySender {
    void send(CanaryMessage message, java.time.Instant at) throws CanaryException;
}
