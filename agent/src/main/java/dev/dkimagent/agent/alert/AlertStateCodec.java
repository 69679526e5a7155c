package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.store.AlertStateRow;
import dev.dkimagent.agent.store.Document;

/**
 * An {@link AlertState} as an {@code alert_state} row: the lifecycle in columns, the line as a
 * document in format {@value #LINE_FORMAT} ({@link AlertLineFormat}). Any other line format is
 * refused with a {@link StoredFormatException}.
 */
public final class AlertStateCodec {

    /** The line format this agent writes, and the only one it reads. */
    public static final int LINE_FORMAT = 1;

    private AlertStateCodec() {
    }

    public static AlertStateRow encode(AlertState s) {
        return new AlertStateRow(s.key(), s.identity(), s.status().name(), s.hits(), s.clean(), s.firstSeen(),
                s.lastNotified(), new Document(LINE_FORMAT, StrictJson.write(AlertLineFormat.write(s.line()))));
    }

    public static AlertState decode(AlertStateRow row) {
        String what = "stored alert state " + row.key();
        if (row.line().format() != LINE_FORMAT) {
            throw new StoredFormatException(what + " has line format version " + row.line().format()
                    + "; this agent reads version " + LINE_FORMAT + " only (written by a newer dkim-agent?)");
        }
        AlertStatus status = StrictJson.constant(AlertStatus.class, row.status(), "status", what);
        AlertLine line = AlertLineFormat.read(StrictJson.parseObject(row.line().json(), what), what);
        return new AlertState(row.key(), row.group(), status, row.hits(), row.cleanSweeps(), row.firstSeen(),
                row.lastNotified(), line);
    }
}
