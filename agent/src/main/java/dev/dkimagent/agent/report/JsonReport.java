package dev.dkimagent.agent.report;

import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.ZoneView;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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

    public void print(CheckOutcome outcome) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("checkedAt", outcome.checkedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        doc.put("findings", outcome.verdicts().stream().map(JsonReport::finding).toList());
        doc.put("identities", outcome.snapshot().identities().stream().map(i -> identity(outcome, i)).toList());
        out.println(Json.write(doc));
        out.flush();
    }

    static Map<String, Object> finding(Verdict v) {
        Subject s = v.finding().subject();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", v.finding().rule());
        f.put("tag", v.finding().tag());
        f.put("severity", v.severity().label());
        f.put("identity", s.identity());
        f.put("zone", s.zone());
        f.put("selector", s.selector());
        f.put("nameserver", s.nameserver());
        f.put("address", s.address());
        f.put("message", v.message());
        f.put("remediation", v.remediation());
        f.put("args", v.finding().args());
        return f;
    }

    private static Map<String, Object> identity(CheckOutcome outcome, Identity identity) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("identity", identity.name());
        i.put("zone", outcome.zoneOf(identity).map(ZoneView::apex).orElse(null));
        i.put("ok", outcome.ok(identity));
        return i;
    }
}
