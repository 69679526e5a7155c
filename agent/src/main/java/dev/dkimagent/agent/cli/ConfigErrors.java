package dev.dkimagent.agent.cli;

import dev.dkimagent.agent.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints configuration problems the same way for every command: one problem on one line, several
 * under a count. At most {@value #MAX_SHOWN} are printed, so a broken file cannot flood a log.
 */
final class ConfigErrors {
    static final int MAX_SHOWN = 50;

    private ConfigErrors() {
    }

    static void print(PrintWriter err, ConfigException e) {
        List<String> problems = e.problems();
        if (problems.size() == 1) {
            err.println("configuration error: " + problems.get(0));
        } else {
            err.printf("configuration errors (%d):%n", problems.size());
            problems.stream().limit(MAX_SHOWN).forEach(problem -> err.println("  " + problem));
            if (problems.size() > MAX_SHOWN) {
                err.printf("  ... and %d more; fix these first%n", problems.size() - MAX_SHOWN);
            }
        }
        err.flush();
    }
}
