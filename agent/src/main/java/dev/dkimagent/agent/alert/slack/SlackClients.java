package dev.dkimagent.agent.alert.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.util.List;

/** Builds the Slack client the channels share. */
final class SlackClients {

    /** OkHttp's connect timeout (the SDK leaves it at 10 s); a failed connect sent nothing. */
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private SlackClients() {
    }

    /**
     * A client with our settings: no stats (else an extra auth.test before calls), bounded
     * timeouts (the read timeout configured; the whole call at most connect + write + read), and no
     * response listeners, because the SDK's debug listener logs the request
     * URL, which for a webhook is the secret.
     */
    static Slack create(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setStatsEnabled(false);
        config.setHttpClientResponseHandlers(List.of());
        int read = (int) Math.min(Integer.MAX_VALUE / 4, settings.readTimeout().toMillis());
        config.setHttpClientReadTimeoutMillis(read);
        config.setHttpClientWriteTimeoutMillis(read);
        config.setHttpClientCallTimeoutMillis(CONNECT_TIMEOUT_MILLIS + 2 * read);
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
