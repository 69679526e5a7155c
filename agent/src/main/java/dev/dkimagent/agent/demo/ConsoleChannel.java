package dev.dkimagent.agent.demo;

import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.agent.alert.slack.AlertText;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Alerts printed to the console as a person reads them: the text a Slack message would carry
 * ({@link AlertText}), under a rule with the time. For the demo, where no Slack is set up.
 */
public final class ConsoleChannel implements AlertChannel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintWriter out;

    public ConsoleChannel(PrintWriter out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        String text = "\n--- alert (as sent to Slack) at " + TIME.format(notification.at()) + " ---\n"
                + AlertText.render(notification) + "\n";
        synchronized (out) {
            out.println(text);
            out.flush();
        }
        return DeliveryResult.delivered(null);
    }

    /** The resolution was printed by {@link #deliver}; printed text cannot be edited. */
    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        return DeliveryResult.delivered(null);
    }
}
