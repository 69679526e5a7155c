package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.alert.slack.SlackStub.Request;
import java.util.List;

/**
 * The webhook posts the Slack stub recorded, per identity: the headline ({@code text}) starts with
 * an emoji and "&lt;identity&gt;: ", then the counts of what fires or "resolved".
 */
final class WebhookMessages {
    private WebhookMessages() {
    }

    /** Every post about {@code identity}, in arrival order (also those the stub answered with an error). */
    static List<Request> about(SlackStub slack, String identity) {
        return slack.requests(SlackStub.WEBHOOK_PATH).stream()
                .filter(request -> headline(request).contains(" " + identity + ": "))
                .toList();
    }

    /** Posts announcing new findings of {@code identity}. */
    static List<Request> firing(SlackStub slack, String identity) {
        return about(slack, identity).stream().filter(r -> r.payloadText().contains("*New (")).toList();
    }

    /** Posts saying everything of {@code identity} is over. */
    static List<Request> resolved(SlackStub slack, String identity) {
        return about(slack, identity).stream().filter(r -> headline(r).endsWith(": resolved")).toList();
    }

    static String headline(Request request) {
        String text = request.field("text");
        return text == null ? "" : text;
    }

    /** For failure messages: what was posted, one headline per line. */
    static String describe(SlackStub slack) {
        StringBuilder out = new StringBuilder();
        slack.requests().forEach(r -> out.append(r.path()).append("  ").append(headline(r)).append('\n'));
        return out.length() == 0 ? "(nothing posted)" : out.toString();
    }
}
