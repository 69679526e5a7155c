package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.Settings;
import java.util.Optional;

/**
 * Whether a loaded configuration gives the agent anything to check: one verdict for
 * {@code validate-config} and {@code check}, so a file one accepts the other never rejects.
 */
final class Checkable {
    private Checkable() {
    }

    /** Why there is nothing to check, or empty when there is something. */
    static Optional<String> nothingToCheck(Settings settings) {
        if (settings.identities().isEmpty() && !settings.ses().enabled()) {
            return Optional.of("nothing to check: " + settings.source()
                    + " lists no dkim-agent.identities and dkim-agent.ses.enabled is false");
        }
        return Optional.empty();
    }

    /** "1 identity", "2 identities". */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
