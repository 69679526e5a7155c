package dev.dkimagent.agent.metrics;

/**
 * Whether the agent can serve its purpose now, and if not, why (shown in /readyz's 503 body).
 *
 * @param ready  true once the first sweep finished and the store answers, for example
 * @param reason a short sentence for a person; ignored when ready
 */
public record Readiness(boolean ready, String reason) {

    public static Readiness yes() {
        return new Readiness(true, "ready");
    }

    public static Readiness notReady(String reason) {
        return new Readiness(false, reason);
    }
}
