package dev.dkimagent.agent.alert.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.Lookup;
import dev.dkimagent.agent.alert.Notification;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts notifications with a bot token (Web API). The first message of an incident is the thread
 * others reply under (its {@code ts} is the messageRef), and on resolution it is edited to a
 * resolved header, so a channel shows at a glance which incidents are still open.
 *
 * <p>Every post carries message metadata (event type {@value #EVENT_TYPE}, the outbox message's
 * key), so after an uncertain post {@link #find} asks {@code conversations.history} (or, for a
 * reply, {@code conversations.replies} in its thread) whether it is there before it is sent again
 * (needs the {@code channels:history} scope, or {@code groups:history} for a private channel).
 */
public final class SlackBotChannel implements AlertChannel, AutoCloseable {

    public static final String EVENT_TYPE = "dkim_agent_alert";
    public static final String KEY_FIELD = "message_key";
    /** ok=false errors a person fixes in the settings or in Slack: the message is held until then. */
    private static final Set<String> SETTINGS_ERRORS = Set.of(
            "invalid_auth", "channel_not_found", "not_in_channel", "account_inactive", "token_revoked",
            "not_authed", "token_expired", "missing_scope", "is_archived", "team_access_not_granted",
            "ekm_access_denied", "restricted_action");
    /** ok=false errors about the message itself (or the edited one being gone): retrying cannot help. */
    private static final Set<String> PERMANENT_ERRORS = Set.of(
            "message_not_found", "cant_update_message", "invalid_blocks", "msg_too_long", "no_text",
            "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large");
    /** Messages per conversations.history page, and pages read at most per look-up. */
    private static final int HISTORY_PAGE = 200;
    private static final int HISTORY_PAGES = 5;

    private final Slack slack;
    private final MethodsClient methods;
    private final String configuredChannel;
    private final Redactor redactor;
    private final String fingerprint;
    /** The channel ID Slack answered with; chat.update needs the ID, the configuration may hold a name. */
    private volatile String channelId;

    public SlackBotChannel(SlackSettings settings) {
        this.slack = SlackClients.create(settings);
        this.methods = slack.methods(settings.botToken());
        this.configuredChannel = settings.channel();
        this.redactor = new Redactor(settings.secrets());
        this.fingerprint = settings.fingerprint();
    }

    @Override
    public String name() {
        return "slack_bot";
    }

    @Override
    public String settingsFingerprint() {
        return fingerprint;
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef) {
        return deliver(notification, threadRef, null);
    }

    @Override
    public DeliveryResult deliver(Notification notification, String threadRef, String messageKey) {
        SlackMessage message = SlackMessage.of(notification);
        Message.Metadata metadata = messageKey == null ? null
                : new Message.Metadata(EVENT_TYPE, Map.of(KEY_FIELD, messageKey));
        return call("chat.postMessage", () -> {
            ChatPostMessageResponse response = methods.chatPostMessage(r -> r
                    .channel(configuredChannel).text(message.text()).blocks(message.blocks())
                    .threadTs(threadRef).unfurlLinks(false).unfurlMedia(false).metadata(metadata));
            if (response.isOk() && response.getChannel() != null) {
                channelId = response.getChannel();
            }
            return classify("chat.postMessage", response, response.getTs());
        });
    }

    /** Reads the channel's history since {@code since} (a few pages at most) for a post tagged {@code messageKey}. */
    @Override
    public Lookup find(String messageKey, Instant since) {
        return find(messageKey, null, since);
    }

    /**
     * As {@link #find(String, Instant)}; a reply is looked for in its thread
     * ({@code conversations.replies}): the channel's history lists only the messages that opened one.
     */
    @Override
    public Lookup find(String messageKey, String threadRef, Instant since) {
        String channel = channelId != null ? channelId : configuredChannel;
        String oldest = since.getEpochSecond() + ".000000";
        boolean inThread = SlackSettings.present(threadRef);
        String method = inThread ? "conversations.replies" : "conversations.history";
        try {
            String cursor = null;
            for (int page = 0; page < HISTORY_PAGES; page++) {
                Page read = inThread ? replies(channel, threadRef, oldest, cursor) : history(channel, oldest, cursor);
                if (read.error() != null) {
                    return Lookup.unknown(redactor.clean("Slack " + method + " failed: " + read.error()));
                }
                Optional<String> ts = tagged(read.messages(), messageKey);
                if (ts.isPresent()) {
                    return Lookup.found(ts.get());
                }
                cursor = read.nextCursor();
                if (!read.hasMore() || !SlackSettings.present(cursor)) {
                    return Lookup.absent();
                }
            }
            return Lookup.unknown("more than " + HISTORY_PAGES * HISTORY_PAGE + " posts since the first attempt");
        } catch (SlackApiException e) {
            return Lookup.unknown(redactor.clean("Slack " + method + " answered HTTP " + e.getResponse().code()));
        } catch (IOException | RuntimeException e) {
            return Lookup.unknown(redactor.clean("Slack " + method + " failed (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")"));
        }
    }

    /** One page of messages as either read method answers it; error is null when it worked. */
    private record Page(String error, List<Message> messages, boolean hasMore, String nextCursor) {
    }

    private Page history(String channel, String oldest, String cursor) throws IOException, SlackApiException {
        ConversationsHistoryResponse r = methods.conversationsHistory(q -> q.channel(channel).oldest(oldest)
                .inclusive(true).limit(HISTORY_PAGE).includeAllMetadata(true).cursor(cursor));
        return new Page(r.isOk() ? null : r.getError(), r.getMessages(), r.isHasMore(),
                r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor());
    }

    private Page replies(String channel, String threadTs, String oldest, String cursor)
            throws IOException, SlackApiException {
        ConversationsRepliesResponse r = methods.conversationsReplies(q -> q.channel(channel).ts(threadTs)
                .oldest(oldest).inclusive(true).limit(HISTORY_PAGE).includeAllMetadata(true).cursor(cursor));
        return new Page(r.isOk() ? null : r.getError(), r.getMessages(), r.isHasMore(),
                r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor());
    }

    private static Optional<String> tagged(List<Message> messages, String messageKey) {
        if (messages == null) {
            return Optional.empty();
        }
        return messages.stream()
                .filter(m -> m.getMetadata() != null && EVENT_TYPE.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null
                        && messageKey.equals(String.valueOf(m.getMetadata().getEventPayload().get(KEY_FIELD))))
                .map(Message::getTs)
                .findFirst();
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
        if (SETTINGS_ERRORS.contains(error)) {
            return DeliveryResult.held(redactor.clean(what + "; " + hint(error) + " (the message is kept and sent then)"));
        }
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
            return IoFailures.classify("Slack " + method, e, redactor);
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
        return DeliveryResult.held(redactor.clean(what + "; check the Slack API URL and the bot token"
                + " (the message is kept and sent then)"));
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
