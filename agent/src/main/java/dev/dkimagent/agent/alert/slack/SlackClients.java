package dev.dkimagent.agent.alert.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.util.List;

/** Builds the Slack client the channels share. */
final class SlackClients {

    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int CALL_TIMEOUT_MILLIS = 20_000;

    private SlackClients() {
    }

    /**
     * A client with our settings: no stats (else an extra auth.test before calls), bounded
     * timeouts, and no response listeners, because the SDK's debug listener logs the request
     * URL, which for a webhook is the secret.
     */
    static Slack create(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setStatsEnabled(false);
        config.setHttpClientResponseHandlers(List.of());
        config.setHttpClientReadTimeoutMillis(READ_TIMEOUT_MILLIS);
        config.setHttpClientWriteTimeoutMillis(READ_TIMEOUT_MILLIS);
        config.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
        if (SlackSettings.present(settings.apiUrl())) {
            config.setMethodsEndpointUrlPrefix(stripSlash(settings.apiUrl()) + "/api/");
        }
        return Slack.getInstance(config);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
