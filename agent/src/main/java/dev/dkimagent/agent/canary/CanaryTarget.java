package dev.dkimagent.agent.canary;

/** One identity the canary proves, with the addresses its rounds use. */
public record CanaryTarget(String identity, String from, String to) {
}
