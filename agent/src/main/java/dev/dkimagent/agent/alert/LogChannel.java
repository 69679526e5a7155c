package dev.dkimagent.agent.alert;

import dev.dkimagent.agent.alert.slack.AlertText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where alerts go when no Slack is configured: the log (logger {@code dkim-agent.alerts}), as
 * readable multi-line text with the same content a Slack message would have. Firing findings log
 * at WARN, pure resolutions at INFO. Always DELIVERED: a log line cannot be retried usefully.
 */
public final class LogChannel implements AlertChannel {

    public static final String LOGGER_NAME = "dkim-agent.alerts";

    private final Logger log;

    public LogChannel() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    /** For tests: a logger that records. */
    public LogChannel(Logger log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        String text = AlertText.render(notification);
        if (notification.worstSeverity() == null) {
            log.info("{}", text);
        } else {
            log.warn("{}", text);
        }
        return DeliveryResult.delivered(null);
    }

    /** The resolution was already logged by {@link #deliver}; a log cannot be edited. */
    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        return DeliveryResult.delivered(null);
    }
}
