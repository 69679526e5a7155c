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
            config.setMethodsEndpointUrlPrefix(methodsPrefix(settings.apiUrl()));
        }
        return Slack.getInstance(config);
    }

    /** "https://host" and "https://host/api/" both mean the Web API at https://host/api/. */
    static String methodsPrefix(String apiUrl) {
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        if (base.endsWith("/api")) {
            base = base.substring(0, base.length() - "/api".length());
        }
        return base + "/api/";
    }
}
