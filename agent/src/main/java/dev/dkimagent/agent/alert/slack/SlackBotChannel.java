package dev.dkimagent.agent.alert.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.Notification;
import java.io.IOException;
import java.util.Set;

/**
 * Posts notifications with a bot token (Web API). The first message of an incident is the thread
 * others reply under (its {@code ts} is the messageRef), and on resolution it is edited to a
 * resolved header, so a channel shows at a glance which incidents are still open.
 */
public final class SlackBotChannel implements AlertChannel, AutoCloseable {

    /** ok=false errors that retrying cannot fix: the token, the channel or the message is gone. */
    private static final Set<String> PERMANENT_ERRORS = Set.of(
            "invalid_auth", "channel_not_found", "not_in_channel", "account_inactive", "token_revoked",
            "not_authed", "token_expired", "missing_scope", "is_archived", "message_not_found",
            "cant_update_message", "invalid_blocks", "msg_too_long", "no_text");

    private final Slack slack;
    private final MethodsClient methods;
    private final String configuredChannel;
    private final Redactor redactor;
    /** The channel ID Slack answered with; chat.update needs the ID, the configuration may hold a name. */
    private volatile String channelId;

    public SlackBotChannel(SlackSettings settings) {
        this.slack = SlackClients.create(settings);
        this.methods = slack.methods(settings.botToken());
        this.configuredChannel = settings.channel();
        this.redactor = new Redactor(settings.secrets());
    }

    @Override
    public String name() {
        return "slack_bot";
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        SlackMessage message = SlackMessage.of(notification);
        return call("chat.postMessage", () -> {
            ChatPostMessageResponse response = methods.chatPostMessage(r -> r
                    .channel(configuredChannel).text(message.text()).blocks(message.blocks())
                    .threadTs(threadRef).unfurlLinks(false).unfurlMedia(false));
            if (response.isOk() && response.getChannel() != null) {
                channelId = response.getChannel();
            }
            return classify("chat.postMessage", response, response.getTs());
        });
    }

    @Override
    public DeliveryResult markResolved(Notification resolution, String threadRef) {
        if (!SlackSettings.present(threadRef)) {
            return DeliveryResult.delivered(null);
        }
        SlackMessage message = SlackMessage.resolvedOriginal(resolution);
        String channel = channelId != null ? channelId : configuredChannel;
        return call("chat.update", () -> classify("chat.update", methods.chatUpdate(r -> r
                .channel(channel).ts(threadRef).text(message.text()).blocks(message.blocks())), threadRef));
    }

    @Override
    public void close() throws Exception {
        slack.close();
    }

    private DeliveryResult classify(String method, SlackApiTextResponse response, String ts) {
        if (response.isOk()) {
            return DeliveryResult.delivered(ts);
        }
        String error = response.getError();
        String what = "Slack " + method + " failed: " + error;
        if (PERMANENT_ERRORS.contains(error)) {
            return DeliveryResult.permanent(redactor.clean(what + "; " + hint(error)));
        }
        return DeliveryResult.retry(null, redactor.clean(what + "; will retry"));
    }

    private DeliveryResult call(String method, SlackCall call) {
        try {
            return call.run();
        } catch (SlackApiException e) {
            return httpFailure(method, e);
        } catch (IOException e) {
            return DeliveryResult.retry(null, redactor.clean("Could not reach Slack for " + method + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); will retry"));
        } catch (RuntimeException e) {
            return DeliveryResult.retry(null, redactor.clean("Slack answered " + method + " with something unreadable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); will retry"));
        }
    }

    private DeliveryResult httpFailure(String method, SlackApiException e) {
        int code = e.getResponse().code();
        String error = e.getError() != null && e.getError().getError() != null ? " " + e.getError().getError() : "";
        String what = "Slack " + method + " answered HTTP " + code + error;
        if (code == 429) {
            return DeliveryResult.retry(RetryAfter.parse(e.getResponse().header("Retry-After")),
                    redactor.clean(what + "; rate limited, will retry"));
        }
        if (code >= 500 || code == 408) {
            return DeliveryResult.retry(null, redactor.clean(what + "; will retry"));
        }
        return DeliveryResult.permanent(redactor.clean(what + "; check the Slack API URL and the bot token"));
    }

    private static String hint(String error) {
        return switch (error) {
            case "channel_not_found", "not_in_channel", "is_archived" ->
                    "invite the bot to the configured channel (a channel ID such as C0123456789 is safest)";
            case "missing_scope" -> "give the bot the chat:write scope and reinstall it";
            case "message_not_found", "cant_update_message" -> "the incident's first message is gone; nothing to edit";
            case "invalid_blocks", "msg_too_long", "no_text" -> "Slack rejected the message itself: please report this dkim-agent bug";
            default -> "the bot token is invalid or revoked: issue a new one and update the configuration";
        };
    }

    /** One Web API call that may fail the ways the SDK fails. */
    @FunctionalInterface
    private interface SlackCall {
        DeliveryResult run() throws IOException, SlackApiException;
    }
}
