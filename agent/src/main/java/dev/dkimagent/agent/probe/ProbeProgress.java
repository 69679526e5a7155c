package dev.dkimagent.agent.probe;

import dev.dkimagent.rules.model.NameAnswers;
import dev.dkimagent.rules.model.ZoneView;

/**
 * What a zone's probe reports while it runs, so a big zone's records can be judged as their
 * replies complete instead of all after the last one. Called on a DNS thread: hand the values to
 * another thread and return.
 */
@FunctionalInterface
public interface ProbeProgress {
    ProbeProgress NONE = (zone, name, answers, apexAnswers) -> { };

    /**
     * Every direct query of one record name has its answer.
     *
     * @param zone        the zone as discovery saw it
     * @param name        the normalised record name
     * @param answers     its answers: final, the very value the snapshot will hold for it
     * @param apexAnswers the answers to the apex so far (the SOA queries, asked before the records)
     */
    void recordAnswered(ZoneView zone, String name, NameAnswers answers, NameAnswers apexAnswers);
}
