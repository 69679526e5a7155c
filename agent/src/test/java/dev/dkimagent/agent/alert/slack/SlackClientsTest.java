package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackClientsTest {

    @Test
    void methodsPrefix_baseOrApiUrl_bothReachTheWebApi() {
        assertThat(SlackClients.methodsPrefix("http://127.0.0.1:8099")).isEqualTo("http://127.0.0.1:8099/api/");
        assertThat(SlackClients.methodsPrefix("http://127.0.0.1:8099/")).isEqualTo("http://127.0.0.1:8099/api/");
        assertThat(SlackClients.methodsPrefix("http://127.0.0.1:8099/api/")).isEqualTo("http://127.0.0.1:8099/api/");
        assertThat(SlackClients.methodsPrefix("https://slack.com/api")).isEqualTo("https://slack.com/api/");
    }
}
