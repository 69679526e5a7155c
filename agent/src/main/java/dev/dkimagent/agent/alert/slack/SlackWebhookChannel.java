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
 * notification (a resolution too) is a new message and {@link #markResolved} does nothing. A
 * webhook cannot be asked what it posted: an uncertain post is sent again after a backoff, at
 * most once (see OutboxDispatcher).
 *
 * <p>A 4xx answer (404/410 from Slack or "404 Not Found" from a proxy, 403 invalid_token ...) is
 * a configuration error: the message is HELD, not dropped. Only a 400 about the payload itself
 * (invalid_payload, no_text ...) is PERMANENT.
 */
public final class SlackWebhookChannel implements AlertChannel, AutoCloseable {

    /** 400 bodies about the message itself: sending the same payload again cannot help. */
    private static final Set<String> PAYLOAD_BODIES = Set.of("invalid_payload", "no_text",
            "missing_text_or_fallback_or_attachments", "invalid_attachments", "invalid_blocks",
            "too_many_attachments", "invalid_blocks_format");

    private static final String URL_HINT =
            "the webhook is revoked, archived or wrong: create a new incoming webhook and update the configured URL";
    private static final String PAYLOAD_HINT = "Slack rejected the message itself: please report this dkim-agent bug";

    private final Slack slack;
    private final String webhookUrl;
    private final Redactor redactor;
    private final String fingerprint;

    public SlackWebhookChannel(SlackSettings settings) {
        this.slack = SlackClients.create(settings);
        this.webhookUrl = settings.webhookUrl();
        this.redactor = new Redactor(settings.secrets());
        this.fingerprint = settings.fingerprint();
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
            return IoFailures.classify("the Slack webhook", e, redactor);
        }
    }

    /** Webhooks cannot edit messages: the resolution was already posted as its own message. */
    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        return DeliveryResult.delivered(null);
    }

    @Override
    public String settingsFingerprint() {
        return fingerprint;
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
        if (code == 429) {
            return DeliveryResult.retry(RetryAfter.fromHeaders(response.getHeaders()),
                    redactor.clean(what + "; rate limited, will retry"));
        }
        if (code >= 500 || code == 408) {
            return DeliveryResult.retry(null, redactor.clean(what + "; will retry"));
        }
        if (code == 400 && PAYLOAD_BODIES.contains(body)) {
            return DeliveryResult.permanent(redactor.clean(what + "; " + PAYLOAD_HINT));
        }
        return DeliveryResult.held(redactor.clean(what + "; " + URL_HINT + " (the message is kept and sent then)"));
    }
}
