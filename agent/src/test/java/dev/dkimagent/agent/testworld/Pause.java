package dev.dkimagent.agent.testworld;

/** The short pause between readiness polls, so a refused query does not spin a core. */
final class Pause {
    private static final long MILLIS = 20;

    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a test server", e);
        }
    }
}
