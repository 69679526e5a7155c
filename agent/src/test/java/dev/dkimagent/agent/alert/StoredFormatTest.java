package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.AlertFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkimagent.agent.store.AlertStateRow;
import dev.dkimagent.agent.store.Document;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stored formats of alert states and notifications: exact shapes, strict reading. */
class StoredFormatTest {

    /** Written by d74c9ab (Jackson of the records), copied from upgrade/state-d74c9ab.mv.db, outbox id 3. */
    static final String LEGACY_RESOLVED = "{\"identity\":\"c.example\",\"firing\":[],\"reminders\":[],\"resolved\":"
            + "[{\"key\":\"DKIM01|RECORD_MISSING|c.example|c.example|s|127.0.0.31\",\"rule\":\"DKIM01\",\"tag\":"
            + "\"RECORD_MISSING\",\"severity\":\"WARNING\",\"zone\":\"c.example\",\"selector\":\"s\",\"nameserver\":"
            + "\"ns1.c.example\",\"address\":\"127.0.0.31\",\"message\":\"s._domainkey.c.example is missing on "
            + "ns1.c.example <&> \\\"quoted\\\" ünïcode\",\"remediation\":\"add the CNAME s._domainkey.c.example on "
            + "ns1.c.example\",\"dig\":\"dig @127.0.0.31 s._domainkey.c.example CNAME +norec\"}],\"ses\":[],"
            + "\"at\":\"2026-11-02T10:06:00Z\"}";
    /** Written by d74c9ab: an alert_state line with null selector, nameserver, address and dig. */
    static final String LEGACY_ZONE_LINE = "{\"key\":\"NS02|MULTIPLE_SOA_SERIALS|b.example|b.example|||\",\"rule\":"
            + "\"NS02\",\"tag\":\"MULTIPLE_SOA_SERIALS\",\"severity\":\"WARNING\",\"zone\":\"b.example\",\"selector\":"
            + "null,\"nameserver\":null,\"address\":null,\"message\":\"the nameservers of b.example serve different "
            + "SOA serials\",\"remediation\":\"wait or fix the transfer\",\"dig\":null}";

    @Test
    void notification_format1_isExactlyWhatTheLegacyStoreWrote() {
        Notification n = NotificationCodec.decode(new Document(1, LEGACY_RESOLVED));

        assertThat(n).isEqualTo(LegacyFixture.resolvedC());
        assertThat(NotificationCodec.encode(n)).isEqualTo(new Document(1, LEGACY_RESOLVED));
    }

    @Test
    void notification_roundTripsEveryField() {
        Notification n = AlertFixtures.firingNotification("example.com", T0.plusMillis(123));

        Document stored = NotificationCodec.encode(n);

        assertThat(stored.format()).isEqualTo(NotificationCodec.FORMAT).isEqualTo(1);
        assertThat(stored.json()).contains("\"at\":\"2026-11-02T10:00:00.123Z\"").contains("\"severity\":\"ERROR\"")
                .contains("\"deadline\":\"2026-11-05T10:00:00.123Z\"");
        assertThat(NotificationCodec.decode(stored)).isEqualTo(n);
    }

    @Test
    void notification_unknownFormatVersion_failsLoudly() {
        Document stored = NotificationCodec.encode(AlertFixtures.resolvedNotification("example.com", T0));

        assertThatThrownBy(() -> NotificationCodec.decode(new Document(2, stored.json())))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage("stored notification has format version 2; this agent reads version 1 only "
                        + "(written by a newer dkim-agent?)");
    }

    @Test
    void notification_unknownOrMissingField_failsRatherThanDroppingIt() {
        String json = NotificationCodec.encode(AlertFixtures.resolvedNotification("example.com", T0)).json();

        assertThatThrownBy(() -> NotificationCodec.decode(new Document(1, json.replaceFirst("\\{", "{\"thread\":1,"))))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage("stored notification does not match its format: unknown fields [thread], "
                        + "missing fields []");
        assertThatThrownBy(() -> NotificationCodec.decode(new Document(1, json.replace(",\"ses\":[]", ""))))
                .isInstanceOf(StoredFormatException.class)
                .hasMessageContaining("missing fields [ses]");
        assertThatThrownBy(() -> NotificationCodec.decode(new Document(1, json.replace("\"dig\":", "\"dug\":"))))
                .isInstanceOf(StoredFormatException.class)
                .hasMessageContaining("stored notification resolved line does not match its format: "
                        + "unknown fields [dug], missing fields [dig]");
    }

    @Test
    void notification_wrongKinds_failLoudly() {
        String json = NotificationCodec.encode(AlertFixtures.firingNotification("example.com", T0)).json();

        assertThatThrownBy(() -> NotificationCodec.decode(new Document(1, json.replace("\"ERROR\"", "\"SEVERE\""))))
                .isInstanceOf(StoredFormatException.class).hasMessageContaining("'severity' has unknown value SEVERE");
        assertThatThrownBy(() -> NotificationCodec.decode(new Document(1, json.replace("2026-11-02T10:00:00Z",
                "yesterday")))).isInstanceOf(StoredFormatException.class).hasMessageContaining("not an ISO-8601");
        assertThatThrownBy(() -> NotificationCodec.decode(new Document(1, "[]")))
                .isInstanceOf(StoredFormatException.class).hasMessage("stored notification is not a JSON object");
        assertThatThrownBy(() -> NotificationCodec.decode(new Document(1, "{")))
                .isInstanceOf(StoredFormatException.class).hasMessageContaining("stored notification is not JSON");
    }

    @Test
    void alertState_lineFormat1_isExactlyWhatTheLegacyStoreWrote_andNullsSurvive() {
        AlertState zoneWide = LegacyFixture.states().get(LegacyFixture.zoneWide("b.example").key());

        AlertStateRow row = AlertStateCodec.encode(zoneWide);

        assertThat(row).isEqualTo(new AlertStateRow(zoneWide.key(), "b.example", "PENDING", 1, 0,
                Instant.parse("2026-11-02T10:06:00Z"), null, new Document(1, LEGACY_ZONE_LINE)));
        assertThat(AlertStateCodec.decode(row)).isEqualTo(zoneWide);
    }

    @Test
    void alertState_unknownLineFormatOrStatus_failsLoudly() {
        AlertStateRow row = AlertStateCodec.encode(AlertFixtures.firing("t1"));

        assertThatThrownBy(() -> AlertStateCodec.decode(new AlertStateRow(row.key(), row.group(), row.status(),
                row.hits(), row.cleanSweeps(), row.firstSeen(), row.lastNotified(), new Document(3, "{}"))))
                .isInstanceOf(StoredFormatException.class)
                .hasMessage("stored alert state " + row.key() + " has line format version 3; this agent reads "
                        + "version 1 only (written by a newer dkim-agent?)");
        assertThatThrownBy(() -> AlertStateCodec.decode(new AlertStateRow(row.key(), row.group(), "SNOOZED",
                row.hits(), row.cleanSweeps(), row.firstSeen(), row.lastNotified(), row.line())))
                .isInstanceOf(StoredFormatException.class)
                .hasMessageContaining("'status' has unknown value SNOOZED");
    }
}
