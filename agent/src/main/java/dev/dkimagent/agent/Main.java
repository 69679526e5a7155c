package dev.dkimagent.agent;

/** Entry point of the jar; the commands live in {@code dev.dkimagent.agent.cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
