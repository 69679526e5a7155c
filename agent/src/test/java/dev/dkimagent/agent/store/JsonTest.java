package dev.dkimagent.agent.store;

import static dev.dkimagent.agent.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.Notification;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void notification_roundTripsWithIsoTimes() {
        Notification n = Fixtures.firingNotification("example.com", T0);

        String json = Json.write(n);

        assertThat(json).contains("\"at\":\"2026-11-02T10:00:00Z\"").contains("\"severity\":\"ERROR\"")
                .contains("\"deadline\":\"2026-11-05T10:00:00Z\"");
        assertThat(Json.read(json, Notification.class)).isEqualTo(n);
    }

    @Test
    void notification_unknownFieldFromNewerVersion_isIgnored() {
        String json = Json.write(Fixtures.resolvedNotification("example.com", T0));
        String newer = json.replaceFirst("\\{", "{\"futureField\":1,");

        assertThat(Json.read(newer, Notification.class)).isEqualTo(Fixtures.resolvedNotification("example.com", T0));
    }
}
