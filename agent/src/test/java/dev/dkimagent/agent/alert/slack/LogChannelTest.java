package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.LogChannel;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.rules.Severity;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

/** LogChannel lives in the alert package; it renders with {@link AlertText}, so both are tested here. */
class LogChannelTest {

    private final LinkedBlockingQueue<SubstituteLoggingEvent> events = new LinkedBlockingQueue<>();
    private final LogChannel channel = new LogChannel(
            new EventRecordingLogger(new SubstituteLogger(LogChannel.LOGGER_NAME, events, false), events));

    @Test
    void deliver_firing_logsReadableMultiLineWarningAndIsDelivered() {
        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result).isEqualTo(DeliveryResult.delivered(null));
        SubstituteLoggingEvent event = events.poll();
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        String text = (String) event.getArgumentArray()[0];
        assertThat(text.lines().toList()).startsWith(
                "[ERROR] mycompany.com: 3 errors",
                "SES account 123456789012, region eu-west-1: status TEMPORARY_FAILURE, signing likely revoked by 2026-11-05 03:00 UTC (in 41 h)",
                "New (3):",
                "  - error DKIM01/RECORD_MISSING selector abc on ns3.example.net (192.0.2.3)",
                "    abc._domainkey.mycompany.com CNAME is missing on ns3.example.net",
                "    fix: Add abc._domainkey.mycompany.com CNAME abc.dkim.amazonses.com. to the zone served by ns3.example.net",
                "    dig: dig +norec @192.0.2.3 abc._domainkey.mycompany.com CNAME");
        assertThat(text.lines().filter(line -> line.startsWith("  - error"))).hasSize(3);
    }

    @Test
    void deliver_onlyResolved_logsInfoWithResolvedLines() {
        channel.deliver(Alerts.resolution(), null);

        SubstituteLoggingEvent event = events.poll();
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat((String) event.getArgumentArray()[0]).startsWith("[RESOLVED] mycompany.com: resolved\nResolved (1):\n"
                + "  - resolved DKIM01/RECORD_MISSING selector abc on ns3.example.net (192.0.2.3)");
    }

    @Test
    void markResolved_nothingToEdit_deliveredWithoutLogging() {
        assertThat(channel.markResolved(Alerts.resolution(), "ts")).isEqualTo(DeliveryResult.delivered(null));
        assertThat(events).isEmpty();
        assertThat(channel.name()).isEqualTo("log");
    }

    @Test
    void render_valueWithNewlines_cannotForgeLogLines() {
        AlertLine forged = new AlertLine("k", "DKIM05", "TXT_UNEXPECTED", Severity.WARNING, "mycompany.com", "s1",
                "ns1.example.net", "192.0.2.1", "TXT is x\n[ERROR] fake.com: 9 errors\r\u2028", null, null);
        Notification notification = new Notification("mycompany.com", List.of(forged), List.of(), List.of(), List.of(),
                Alerts.AT);

        String text = AlertText.render(notification);

        assertThat(text.lines()).noneMatch(line -> line.startsWith("[ERROR] fake.com"));
        assertThat(text).contains("TXT is x [ERROR] fake.com: 9 errors");
    }
}
