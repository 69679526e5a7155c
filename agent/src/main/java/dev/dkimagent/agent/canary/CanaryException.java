package dev.dkimagent.agent.canary;

import dev.dkimagent.rules.model.CanaryRound;

/** A round could not send or could not read the mailbox: a MON02 finding, never a DKIM verdict. */
public final class CanaryException extends Exception {
    private final CanaryRound.Stage stage;

    public CanaryException(CanaryRound.Stage stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    public CanaryRound.Stage stage() {
        return stage;
    }
}
