package dev.dkimagent.agent.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.ZoneView;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The machine report of a check, one JSON document:
 * {@code {"checkedAt", "findings": [...], "identities": [{"identity","zone","ok"}]}}.
 * Fields that do not apply are absent.
 */
public final class JsonReport {
    private final PrintWriter out;

    public JsonReport(PrintWriter out) {
        this.out = out;
    }

    /** The whole document, in this field order. */
    @JsonPropertyOrder({"checkedAt", "findings", "identities"})
    record Document(String checkedAt, List<FindingJson> findings, List<IdentityJson> identities) {
    }

    /** One finding; subject fields that do not apply are null, so absent. */
    @JsonPropertyOrder({"rule", "tag", "severity", "identity", "zone", "selector", "nameserver", "address", "message",
        "remediation", "args"})
    record FindingJson(String rule, String tag, String severity, String identity, String zone, String selector,
                       String nameserver, String address, String message, String remediation,
                       Map<String, String> args) {

        static FindingJson of(Verdict v) {
            Subject s = v.finding().subject();
            return new FindingJson(v.finding().rule(), v.finding().tag(), v.severity().label(), s.identity(), s.zone(),
                    s.selector(), s.nameserver(), s.address(), v.message(), v.remediation(), v.finding().args());
        }
    }

    /** One identity: its zone (absent when it was not found) and whether it is served correctly. */
    @JsonPropertyOrder({"identity", "zone", "ok"})
    record IdentityJson(String identity, String zone, boolean ok) {
    }

    public void print(CheckOutcome outcome) {
        Document doc = new Document(outcome.checkedAt().truncatedTo(ChronoUnit.MILLIS).toString(),
                outcome.verdicts().stream().map(FindingJson::of).toList(),
                outcome.snapshot().identities().stream().map(i -> identity(outcome, i)).toList());
        out.println(Json.write(doc));
        out.flush();
    }

    private static IdentityJson identity(CheckOutcome outcome, Identity identity) {
        return new IdentityJson(identity.name(), outcome.zoneOf(identity).map(ZoneView::apex).orElse(null),
                outcome.ok(identity));
    }
}
