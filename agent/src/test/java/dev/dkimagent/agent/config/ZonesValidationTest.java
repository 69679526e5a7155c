package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class ZonesValidationTest {

    @Test
    void zones_apexIsNormalisedAndEntriesKeptInOrder() throws ConfigException {
        Map<String, List<String>> zones = ConfigFixtures.load("""
                dkim-agent.zones {
                  "MyCompany.com." { nameservers = ["ns1.mycompany.com", "192.0.2.53", "[2001:db8::53]:5353"] }
                }
                """).zoneNameservers();

        assertThat(zones).containsExactly(Map.entry("mycompany.com",
                List.of("ns1.mycompany.com", "192.0.2.53", "[2001:db8::53]:5353")));
    }

    @Test
    void zoneName_unquoted_isRejectedWithTheQuotedSpelling() {
        assertThat(problems("""
                dkim-agent.zones {
                  mycompany.com { nameservers = ["192.0.2.1"] }
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.zones.mycompany: a zone name with dots must be quoted:"
                        + " write \"mycompany.com\" { nameservers = [...] }");
    }

    @Test
    void nameservers_hostWithPortBadAddressAndEmptyList_areRejected() {
        assertThat(problems("""
                dkim-agent.zones {
                  "a.com" { nameservers = [
                    "ns1.a.com:53"
                    "192.0.2.300"
                    "192.0.2.1:99999"
                  ] }
                  "b.com" { nameservers = [] }
                  "c.com" { }
                }
                """)).containsExactly(
                "dkim-agent.conf: 3: dkim-agent.zones.\"a.com\".nameservers[0]: expected \"host\", \"ip\","
                        + " \"ip:port\" or \"[v6]:port\", got 'ns1.a.com:53'",
                "dkim-agent.conf: 4: dkim-agent.zones.\"a.com\".nameservers[1]: expected \"host\", \"ip\","
                        + " \"ip:port\" or \"[v6]:port\", got '192.0.2.300'",
                "dkim-agent.conf: 5: dkim-agent.zones.\"a.com\".nameservers[2]: expected a port from 1 to 65535,"
                        + " got '99999' in '192.0.2.1:99999'",
                "dkim-agent.conf: 7: dkim-agent.zones.\"b.com\".nameservers: expected a list of 1 or more"
                        + " nameservers (\"host\", \"ip\", \"ip:port\" or \"[v6]:port\"), got 0",
                "dkim-agent.conf: 8: dkim-agent.zones.\"c.com\".nameservers: expected a list of 1 or more"
                        + " nameservers (\"host\", \"ip\", \"ip:port\" or \"[v6]:port\"), got nothing");
    }

    @Test
    void zoneName_invalidOrRepeated_isRejected() {
        assertThat(problems("""
                dkim-agent.zones {
                  "bad..zone" { nameservers = ["192.0.2.1"] }
                  "a.com" { nameservers = ["192.0.2.1"] }
                  "A.com." { nameservers = ["192.0.2.2"] }
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.zones.\"bad..zone\": expected a DNS name, got 'bad..zone'"
                        + " (empty label)",
                "dkim-agent.conf: 4: dkim-agent.zones.\"A.com.\": zone 'a.com' is configured twice;"
                        + " merge the entries");
    }
}
