package dev.dkimagent.agent;

import dev.dkimagent.agent.cli.DkimAgentCommand;

/** Entry point of the jar; the commands live in {@code dev.dkimagent.agent.cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DkimAgentCommand.execute(args, System.getenv()));
    }
}
