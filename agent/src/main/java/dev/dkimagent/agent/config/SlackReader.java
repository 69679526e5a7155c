package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import dev.dkimagent.agent.alert.slack.SlackSettings;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads {@code dkim-agent.alerting.slack}. The webhook URL and the bot token are secrets: a
 * problem about them names the key, never the value.
 */
final class SlackReader {
    static final String PATH = AlertingReader.PATH + ".slack";
    static final String BOT_TOKEN_PREFIX = "xoxb-";

    private SlackReader() {
    }

    /** The Slack settings, or null when the section is not an object (a problem is then reported). */
    static SlackSettings read(Node slack, Config reference) {
        if (!slack.requireObject("an object with the Slack settings")) {
            return null;
        }
        KnownKeys.check(slack, reference.getObject(PATH).keySet());
        Node webhookNode = slack.child("webhook-url");
        Node tokenNode = slack.child("bot-token");
        String webhook = webhookUrl(webhookNode);
        String token = botToken(tokenNode);
        String channel = slack.child("channel").string("a channel name or ID").orElse("");
        String apiUrl = apiUrl(slack.child("api-url"));
        Duration readTimeout = slack.child("read-timeout").positiveDuration().orElse(null);
        if (!webhook.isEmpty() && !token.isEmpty()) {
            tokenNode.problem("set either webhook-url or bot-token, not both");
        } else if (!token.isEmpty() && channel.isEmpty()) {
            tokenNode.problem("a bot token needs a channel: set " + PATH + ".channel (a name such as"
                    + " \"#dkim-alerts\" or a channel ID)");
        }
        return new SlackSettings(webhook, token, channel, apiUrl, readTimeout);
    }

    private static String webhookUrl(Node node) {
        String url = secret(node, "an https URL");
        if (!url.isEmpty() && Urls.check(url, true).isPresent()) {
            node.problem("expected an https URL " + Secrets.NOT_SHOWN);
            return "";
        }
        return url;
    }

    private static String botToken(Node node) {
        String token = secret(node, "a bot token");
        if (!token.isEmpty() && !token.startsWith(BOT_TOKEN_PREFIX)) {
            node.problem("expected a bot token starting with \"" + BOT_TOKEN_PREFIX + "\" " + Secrets.NOT_SHOWN);
            return "";
        }
        return token;
    }

    /** A scalar as text; Node.string quotes nothing for scalars, and only names the kind of the rest. */
    private static String secret(Node node, String what) {
        return node.string(what).orElse("");
    }

    private static String apiUrl(Node node) {
        Optional<String> url = node.string("\"\" or an http(s) URL");
        if (url.isPresent() && !url.get().isEmpty() && Urls.check(url.get(), false).isPresent()) {
            node.problem("expected \"\" or an absolute http(s) URL such as \"https://slack.com/api/\", got "
                    + node.describe());
            return "";
        }
        return url.orElse("");
    }
}
