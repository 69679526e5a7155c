package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.model.SesIdentityState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** When SES gives up on records it cannot see: about 72 hours after the last success. */
final class SesDeadline {
    static final Duration GRACE = SesIdentityState.REVOCATION_GRACE;
    static final String UNKNOWN = "unknown";

    private SesDeadline() {
    }

    /** The later of SES's own last success and the last time a sweep saw SUCCESS. */
    static Optional<Instant> lastSuccess(SesContext c) {
        return c.state().lastKnownSuccess(c.memory().orElse(null));
    }

    /** ISO-8601 of the last success, or "unknown". */
    static String lastSuccessText(SesContext c) {
        return lastSuccess(c).map(Instant::toString).orElse(UNKNOWN);
    }

    /** ISO-8601 of the last success plus 72 hours, or "unknown". */
    static String deadlineText(SesContext c) {
        return lastSuccess(c).map(t -> t.plus(GRACE).toString()).orElse(UNKNOWN);
    }
}
