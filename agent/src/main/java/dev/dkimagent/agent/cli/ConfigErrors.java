package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.ConfigException;
import java.io.PrintWriter;

/** Prints configuration problems the same way for every command. */
final class ConfigErrors {
    private ConfigErrors() {
    }

    static void print(PrintWriter err, ConfigException e) {
        int n = e.problems().size();
        err.printf("configuration error%s:%n", n == 1 ? "" : "s (" + n + ")");
        for (String problem : e.problems()) {
            err.println("  " + problem);
        }
        err.flush();
    }
}
