package dev.dkimagent.agent.alert.slack;

import com.slack.api.Slack;
import com.slack.api.webhook.WebhookResponse;
import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.Notification;
import java.io.IOException;
import java.util.Set;

/**
 * Posts notifications to a Slack incoming webhook. Webhooks cannot thread or edit, so every
 * notification (a resolution too) is a new message and {@link #markResolved} does nothing.
 */
public final class SlackWebhookChannel implements AlertChannel, AutoCloseable {

    /** Bodies Slack answers for a webhook that will never work again. */
    private static final Set<String> PERMANENT_BODIES =
            Set.of("invalid_token", "no_service", "channel_is_archived", "action_prohibited", "no_team");

    private static final String URL_HINT =
            "the webhook is revoked, archived or wrong: create a new incoming webhook and update the configured URL";
    private static final String PAYLOAD_HINT = "Slack rejected the message itself: please report this dkim-agent bug";

    private final Slack slack;
    private final String webhookUrl;
    private final Redactor redactor;

    public SlackWebhookChannel(SlackSettings settings) {
        this.slack = SlackClients.create(settings);
        this.webhookUrl = settings.webhookUrl();
        this.redactor = new Redactor(settings.secrets());
    }

    @Override
    public String name() {
        return "slack_webhook";
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        try {
            WebhookResponse response = slack.send(webhookUrl, SlackMessage.of(notification).toPayload());
            return classify(response);
        } catch (IOException | RuntimeException e) {
            return DeliveryResult.retry(null, redactor.clean(
                    "Could not reach the Slack webhook (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); will retry"));
        }
    }

    /** Webhooks cannot edit messages: the resolution was already posted as its own message. */
    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        return DeliveryResult.delivered(null);
    }

    @Override
    public void close() throws Exception {
        slack.close();
    }

    private DeliveryResult classify(WebhookResponse response) {
        int code = response.getCode() == null ? 0 : response.getCode();
        String body = response.getBody() == null ? "" : response.getBody().strip();
        if (code >= 200 && code < 300) {
            return DeliveryResult.delivered(null);
        }
        String what = "Slack webhook answered HTTP " + code + (body.isEmpty() ? "" : " " + body);
        if (PERMANENT_BODIES.contains(body)) {
            return permanent(what, URL_HINT);
        }
        if (code == 429) {
            return DeliveryResult.retry(RetryAfter.fromHeaders(response.getHeaders()),
                    redactor.clean(what + "; rate limited, will retry"));
        }
        if (code >= 500 || code == 408) {
            return DeliveryResult.retry(null, redactor.clean(what + "; will retry"));
        }
        return permanent(what, code == 400 ? PAYLOAD_HINT : URL_HINT);
    }

    private DeliveryResult permanent(String what, String hint) {
        return DeliveryResult.permanent(redactor.clean(what + "; " + hint));
    }
}
