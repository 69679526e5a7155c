package dev.dkimagent.agent.daemon;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A /metrics answer (text format 0.0.4), read just enough to ask which series exist. */
record MetricsText(String text) {

    /** Sample lines, without HELP and TYPE. */
    List<String> samples() {
        return text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** Names of the families that have at least one sample (from the sample lines, not from TYPE). */
    Set<String> sampledNames() {
        Set<String> names = new TreeSet<>();
        for (String line : samples()) {
            int end = line.indexOf('{');
            names.add(line.substring(0, end >= 0 ? end : line.indexOf(' ')));
        }
        return names;
    }

    /** Samples of {@code name} (exactly that name) whose label text contains every fragment. */
    List<String> samples(String name, String... labelFragments) {
        return samples().stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labelFragments).stream().allMatch(line::contains))
                .toList();
    }

    /** The value of the only sample of {@code name} matching the fragments. */
    double value(String name, String... labelFragments) {
        List<String> matching = samples(name, labelFragments);
        if (matching.size() != 1) {
            throw new AssertionError("expected one sample of " + name + " with " + List.of(labelFragments)
                    + ", found " + matching);
        }
        String line = matching.get(0);
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** As {@link #value}, or {@code absent} when no sample matches (a counter child not created yet). */
    double valueOr(double absent, String name, String... labelFragments) {
        return samples(name, labelFragments).isEmpty() ? absent : value(name, labelFragments);
    }
}
