package dev.dkimagent.agent.demo.dns;

/** Waits for a listener thread after its socket closed, so a stopped server leaves no thread behind. */
final class Threads {
    private static final long JOIN_MILLIS = 5_000;

    private Threads() {
    }

    static void join(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
