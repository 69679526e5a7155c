package dev.dkimagent.rules.model;

import java.util.List;

/** The latest canary round of each canary identity (empty when the canary is off). */
public record CanaryView(List<CanaryRound> rounds) {

    public CanaryView {
        rounds = List.copyOf(rounds);
    }

    public static CanaryView empty() {
        return new CanaryView(List.of());
    }
}
