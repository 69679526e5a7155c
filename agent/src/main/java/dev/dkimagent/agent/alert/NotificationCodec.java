package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.StrictJson.instant;
import static dev.dkimagent.agent.alert.StrictJson.requiredText;
import static dev.dkimagent.agent.alert.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dkimagent.agent.store.Document;
import java.util.List;
import java.util.Set;

/**
 * A {@link Notification} as the outbox keeps it. Format 1, fields in this order:
 * <pre>{"identity", "firing": [line], "reminders": [line], "resolved": [line],
 *  "ses": [{"account","region","status","deadline"}], "at"}</pre>
 * lines as in {@link AlertLineFormat}, times as ISO-8601 instants (null when absent). Any other
 * version, or any field more or less, is refused with a {@link StoredFormatException}.
 */
public final class NotificationCodec {

    /** The version this agent writes, and the only one it reads. */
    public static final int FORMAT = 1;

    private static final Set<String> FIELDS = Set.of("identity", "firing", "reminders", "resolved", "ses", "at");
    private static final Set<String> SES_FIELDS = Set.of("account", "region", "status", "deadline");
    private static final String WHAT = "stored notification";

    private NotificationCodec() {
    }

    public static Document encode(Notification n) {
        ObjectNode o = StrictJson.objectNode();
        o.put("identity", n.identity());
        o.set("firing", lines(n.firing()));
        o.set("reminders", lines(n.reminders()));
        o.set("resolved", lines(n.resolved()));
        ArrayNode ses = StrictJson.arrayNode();
        for (SesLine s : n.ses()) {
            ObjectNode line = ses.addObject();
            line.put("account", s.account());
            line.put("region", s.region());
            line.put("status", s.status());
            line.put("deadline", StrictJson.instantText(s.deadline()));
        }
        o.set("ses", ses);
        o.put("at", StrictJson.instantText(n.at()));
        return new Document(FORMAT, StrictJson.write(o));
    }

    public static Notification decode(Document document) {
        if (document.format() != FORMAT) {
            throw new StoredFormatException(WHAT + " has format version " + document.format()
                    + "; this agent reads version " + FORMAT + " only (written by a newer dkim-agent?)");
        }
        ObjectNode o = StrictJson.object(StrictJson.parseObject(document.json(), WHAT), WHAT, FIELDS);
        return new Notification(requiredText(o, "identity", WHAT), lines(o, "firing"), lines(o, "reminders"),
                lines(o, "resolved"), ses(o), instant(o, "at", WHAT));
    }

    private static ArrayNode lines(List<AlertLine> lines) {
        ArrayNode array = StrictJson.arrayNode();
        lines.forEach(line -> array.add(AlertLineFormat.write(line)));
        return array;
    }

    private static List<AlertLine> lines(ObjectNode o, String field) {
        String what = WHAT + " " + field + " line";
        return StrictJson.array(o, field, WHAT).stream().map(n -> AlertLineFormat.read(n, what)).toList();
    }

    private static List<SesLine> ses(ObjectNode o) {
        String what = WHAT + " ses line";
        return StrictJson.array(o, "ses", WHAT).stream().map(n -> sesLine(n, what)).toList();
    }

    private static SesLine sesLine(JsonNode node, String what) {
        ObjectNode s = StrictJson.object(node, what, SES_FIELDS);
        return new SesLine(text(s, "account", what), text(s, "region", what), text(s, "status", what),
                instant(s, "deadline", what));
    }
}
