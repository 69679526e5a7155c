package dev.dkimagent.agent.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.ZoneView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The machine report of a check, one JSON document:
 * {@code {"checkedAt", "findings": [...], "identities": [{"identity","zone","ok"}]}}.
 * Fields that do not apply are absent. Streamed field by field in this order (a report of 10,000
 * identities is written as it is read, without building a tree or binding objects).
 */
public final class JsonReport {
    private final PrintWriter out;

    public JsonReport(PrintWriter out) {
        this.out = out;
    }

    public void print(CheckOutcome outcome) {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeStringField("checkedAt", outcome.checkedAt().truncatedTo(ChronoUnit.MILLIS).toString());
            g.writeArrayFieldStart("findings");
            for (Verdict v : outcome.verdicts()) {
                finding(g, v);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("identities");
            for (Identity identity : outcome.snapshot().identities()) {
                identity(g, outcome, identity);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the JSON report", e);
        }
        out.println();
        out.flush();
    }

    /** One finding; subject fields that do not apply are absent. */
    private static void finding(JsonGenerator g, Verdict v) throws IOException {
        Subject s = v.finding().subject();
        g.writeStartObject();
        field(g, "rule", v.finding().rule());
        field(g, "tag", v.finding().tag());
        field(g, "severity", v.severity().label());
        field(g, "identity", s.identity());
        field(g, "zone", s.zone());
        field(g, "selector", s.selector());
        field(g, "nameserver", s.nameserver());
        field(g, "address", s.address());
        field(g, "message", v.message());
        field(g, "remediation", v.remediation());
        Map<String, String> args = v.finding().args();
        if (args != null) {
            g.writeObjectFieldStart("args");
            for (Map.Entry<String, String> arg : args.entrySet()) {
                field(g, arg.getKey(), arg.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** One identity: its zone (absent when it was not found) and whether it is served correctly. */
    private static void identity(JsonGenerator g, CheckOutcome outcome, Identity identity) throws IOException {
        g.writeStartObject();
        field(g, "identity", identity.name());
        field(g, "zone", outcome.zoneOf(identity).map(ZoneView::apex).orElse(null));
        g.writeBooleanField("ok", outcome.ok(identity));
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
