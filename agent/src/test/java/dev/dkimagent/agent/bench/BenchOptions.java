package dev.dkimagent.agent.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code name=value} arguments every bench main takes (a leading {@code --} is allowed). */
final class BenchOptions {
    private BenchOptions() {
    }

    /** The options by name, in the order given; anything not {@code name=value} is refused. */
    static Map<String, String> of(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected name=value, got '" + arg + "'");
            }
            options.put(arg.substring(0, eq).replaceFirst("^--", ""), arg.substring(eq + 1));
        }
        return options;
    }

    /** The same, every value a whole number. */
    static Map<String, Integer> numbers(String[] args) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        of(args).forEach((name, value) -> numbers.put(name, Integer.parseInt(value)));
        return numbers;
    }
}
