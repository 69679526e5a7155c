package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class DnsValidationTest {

    @Test
    void timeout_notADuration_namesTheKey() {
        assertThat(problems("dkim-agent.dns.timeout = 5 parsecs")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.dns.timeout: expected a duration such as 500ms, 2s, 5m or 1d,"
                        + " got '5 parsecs'");
    }

    @Test
    void timeout_zero_isRejected() {
        assertThat(problems("dkim-agent.dns.timeout = 0s")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.dns.timeout: expected a duration > 0, got '0s'");
    }

    @Test
    void counts_belowOneOrNotNumbers_areRejected() {
        assertThat(problems("""
                dkim-agent.dns {
                  attempts = 0
                  max-in-flight = many
                  per-nameserver-qps = 2.5
                  per-resolver-qps = 0
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.dns.attempts: expected an integer >= 1, got '0'",
                "dkim-agent.conf: 3: dkim-agent.dns.max-in-flight: expected an integer >= 1, got 'many'",
                "dkim-agent.conf: 4: dkim-agent.dns.per-nameserver-qps: expected an integer >= 1, got '2.5'",
                "dkim-agent.conf: 5: dkim-agent.dns.per-resolver-qps: expected an integer >= 1, got '0'");
    }

    @Test
    void ipv6_notTrueFalseOrAuto_isRejected() {
        assertThat(problems("dkim-agent.dns.ipv6 = maybe")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.dns.ipv6: expected true, false or auto, got 'maybe'");
    }

    @Test
    void ipv6_eachSpelling_mapsToItsMode() throws ConfigException {
        assertThat(ConfigFixtures.load("dkim-agent.dns.ipv6 = true").dns().ipv6()).isEqualTo(Ipv6Mode.ON);
        assertThat(ConfigFixtures.load("dkim-agent.dns.ipv6 = false").dns().ipv6()).isEqualTo(Ipv6Mode.OFF);
        assertThat(ConfigFixtures.load("dkim-agent.dns.ipv6 = auto").dns().ipv6()).isEqualTo(Ipv6Mode.AUTO);
        assertThat(ConfigFixtures.load("dkim-agent.dns.ipv6 = \"AUTO\"").dns().ipv6()).isEqualTo(Ipv6Mode.AUTO);
    }

    @Test
    void resolvers_validForms_areKeptAsWritten() throws ConfigException {
        List<String> resolvers = ConfigFixtures.load(
                "dkim-agent.dns.resolvers = [192.0.2.1, \"192.0.2.2:5353\", \"2001:db8::1\", \"[::1]:53\"]")
                .dns().resolvers();

        assertThat(resolvers).containsExactly("192.0.2.1", "192.0.2.2:5353", "2001:db8::1", "[::1]:53");
    }

    @Test
    void resolvers_hostNamesBadAddressesAndBadPorts_eachReportedWithItsIndex() {
        assertThat(problems("""
                dkim-agent.dns.resolvers = [
                  "dns.google"
                  "192.0.2.300"
                  "192.0.2.1:0"
                  "[2001:db8::1]:65536"
                  "[dns.google]:53"
                ]
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.dns.resolvers[0]: expected \"ip\", \"ip:port\" or \"[v6]:port\","
                        + " got 'dns.google'",
                "dkim-agent.conf: 3: dkim-agent.dns.resolvers[1]: expected \"ip\", \"ip:port\" or \"[v6]:port\","
                        + " got '192.0.2.300'",
                "dkim-agent.conf: 4: dkim-agent.dns.resolvers[2]: expected a port from 1 to 65535, got '0'"
                        + " in '192.0.2.1:0'",
                "dkim-agent.conf: 5: dkim-agent.dns.resolvers[3]: expected a port from 1 to 65535, got '65536'"
                        + " in '[2001:db8::1]:65536'",
                "dkim-agent.conf: 6: dkim-agent.dns.resolvers[4]: expected \"ip\", \"ip:port\" or \"[v6]:port\","
                        + " got '[dns.google]:53'");
    }

    @Test
    void resolvers_notAList_isRejected() {
        assertThat(problems("dkim-agent.dns.resolvers = \"192.0.2.1\"")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.dns.resolvers: expected a list of resolver addresses"
                        + " (\"ip\", \"ip:port\" or \"[v6]:port\"), got '192.0.2.1'");
    }

    @Test
    void dns_notAnObject_isRejected() {
        assertThat(problems("dkim-agent.dns = 5")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.dns: expected an object with the DNS settings, got '5'");
    }
}
