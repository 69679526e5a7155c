package dev.dkimagent.agent.alert.slack;

import dev.dkimagent.agent.alert.AlertChannel;
import dev.dkimagent.agent.alert.LogChannel;

/** Picks the alert channel the settings ask for. */
public final class SlackChannels {

    private SlackChannels() {
    }

    /** A webhook channel, a bot channel, or the log when Slack is not configured. */
    public static AlertChannel create(SlackSettings settings) {
        return switch (settings.mode()) {
            case WEBHOOK -> new SlackWebhookChannel(settings);
            case BOT -> new SlackBotChannel(settings);
            case NONE -> new LogChannel();
        };
    }
}
