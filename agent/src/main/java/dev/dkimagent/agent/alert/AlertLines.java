package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;

/** Turns a verdict into the line an alert shows. */
final class AlertLines {

    /** The finding argument that carries the {@code dig} command, when a rule provides one. */
    static final String DIG_ARG = "dig";

    private AlertLines() {
    }

    static AlertLine of(Verdict verdict) {
        Subject s = verdict.finding().subject();
        return new AlertLine(verdict.finding().key(), verdict.finding().rule(), verdict.finding().tag(),
                verdict.severity(), s.zone(), s.selector(), s.nameserver(), s.address(), verdict.message(),
                verdict.remediation(), verdict.finding().args().get(DIG_ARG));
    }
}
