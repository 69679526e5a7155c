package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import dev.dkimagent.rules.RuleSettings;

import java.time.Duration;
import java.util.Optional;

/** Reads the thresholds of {@code dkim-agent.rules}; {@link LevelsReader} reads its {@code levels}. */
final class RulesReader {
    static final String PATH = "dkim-agent.rules";

    private RulesReader() {
    }

    /** The thresholds, or null when the section is not an object (a problem is then reported). */
    static RuleSettings read(Node rules, Config reference) {
        if (!rules.requireObject("an object with the rule settings")) {
            return null;
        }
        KnownKeys.check(rules, reference.getObject(PATH).keySet());
        Node ttl = rules.child("ttl");
        Duration[] minMax = ttl(ttl, reference);
        long serialTolerance = rules.child("serial-tolerance").longAtLeast(0).orElse(0L);
        Duration negativeTtlMax = rules.child("negative-ttl-max").nonNegativeDuration().orElse(null);
        return new RuleSettings(minMax[0], minMax[1], serialTolerance, negativeTtlMax);
    }

    private static Duration[] ttl(Node ttl, Config reference) {
        if (!ttl.requireObject("an object { min = ..., max = ... }")) {
            return new Duration[2];
        }
        KnownKeys.check(ttl, reference.getObject(PATH + ".ttl").keySet());
        Node minNode = ttl.child("min");
        Node maxNode = ttl.child("max");
        Optional<Duration> min = minNode.nonNegativeDuration();
        Optional<Duration> max = maxNode.nonNegativeDuration();
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            // blame the value the user wrote, not the default it collides with
            Node blamed = isDefault(maxNode) ? minNode : maxNode;
            blamed.problem("expected ttl.min <= ttl.max, got min " + minNode.describe()
                    + " > max " + maxNode.describe());
        }
        return new Duration[] {min.orElse(null), max.orElse(null)};
    }

    private static boolean isDefault(Node node) {
        return "reference.conf".equals(node.origin().resource());
    }
}
