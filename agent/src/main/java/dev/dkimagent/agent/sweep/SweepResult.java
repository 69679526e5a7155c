package dev.dkimagent.agent.sweep;

import dev.dkimagent.rules.model.Snapshot;

/**
 * One sweep's observations.
 *
 * @param snapshot             what was seen, for the rules
 * @param resolversUnreachable true when no resolver answered at all: the sweep saw nothing and
 *                             its snapshot must not be judged as if DNS were empty
 */
public record SweepResult(Snapshot snapshot, boolean resolversUnreachable) {
}
