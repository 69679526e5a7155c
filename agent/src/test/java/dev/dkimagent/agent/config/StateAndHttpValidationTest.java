package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class StateAndHttpValidationTest {

    @Test
    void stateUrl_h2OrPostgresql_isAccepted() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.state.url = \"jdbc:h2:mem:test\"").state().url())
                .isEqualTo("jdbc:h2:mem:test");
        assertThat(ConfigFixtures.load("dkim-agent.state.url = \"jdbc:postgresql://db:5432/x\"").state().url())
                .isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void stateUrl_otherDatabase_isRejectedWithoutQuotingIt() {
        List<String> problems = problems(
                "dkim-agent.state.url = \"jdbc:mysql://db/x?user=a&password=SECRETPART\"");

        assertThat(problems).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.state.url: expected a JDBC URL starting with \"jdbc:h2:\" or"
                        + " \"jdbc:postgresql:\" (the value is not shown: it may hold credentials)");
        assertThat(String.join("\n", problems)).doesNotContain("SECRETPART");
    }

    @Test
    void statePassword_wrongType_namesOnlyTheKind() {
        assertThat(problems("dkim-agent.state.password = [\"SECRETPART\"]")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.state.password: expected a password, got a list");
    }

    @Test
    void state_typo_isRejectedWithASuggestion() {
        assertThat(problems("dkim-agent.state.pasword = x")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.state.pasword: unknown key, did you mean 'password'?");
    }

    @Test
    void httpBind_addressesAndHostNames_areAccepted() throws ConfigException {
        for (String bind : List.of("127.0.0.1", "::", "[::1]", "metrics.internal", "localhost")) {
            assertThat(ConfigFixtures.load("dkim-agent.http.bind = \"" + bind + "\"").http().bind())
                    .isEqualTo(bind);
        }
    }

    @Test
    void httpBind_notAnAddressOrName_isRejected() {
        assertThat(problems("dkim-agent.http.bind = \"0.0.0.0:9108\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.http.bind: expected an IP address or host name, got '0.0.0.0:9108'");
        assertThat(problems("dkim-agent.http.bind = \"256.1.1.1\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.http.bind: expected an IP address or host name, got '256.1.1.1'");
    }

    @Test
    void httpPort_zeroAndMax_areAccepted() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.http.port = 0").http().port()).isZero();
        assertThat(ConfigFixtures.load("dkim-agent.http.port = 65535").http().port()).isEqualTo(65535);
    }

    @Test
    void httpPort_outOfRange_isRejected() {
        assertThat(problems("dkim-agent.http.port = 65536")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.http.port: expected a port from 0 to 65535, got '65536'");
        assertThat(problems("dkim-agent.http.port = -1")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.http.port: expected an integer >= 0, got '-1'");
    }
}
