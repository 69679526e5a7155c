package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class UnknownKeysTest {

    @Test
    void rootNextToDkimAgent_isRejectedWithASuggestion() {
        assertThat(problems("dkim_agent.dns.timeout = 5s")).containsExactly(
                "dkim-agent.conf: 1: dkim_agent: unknown key, did you mean 'dkim-agent'?");
    }

    @Test
    void typoAtEveryLevel_isRejectedWithASuggestion() {
        assertThat(problems("""
                dkim-agent {
                  dsn { }
                  dns.timout = 3s
                  rules.serial-tolerence = 1
                  rules.ttl.mx = 2d
                  identities = [ { domain = "a.com", token = ["t1"], records = [
                    { name = "s._domainkey.a.com", type = TXT, vaule = "v=DKIM1; p=" } ] } ]
                  zones { "a.com" { nameserver = ["192.0.2.1"], nameservers = ["192.0.2.1"] } }
                }
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.dsn: unknown key, did you mean 'dns'?",
                "dkim-agent.conf: 3: dkim-agent.dns.timout: unknown key, did you mean 'timeout'?",
                "dkim-agent.conf: 4: dkim-agent.rules.serial-tolerence: unknown key,"
                        + " did you mean 'serial-tolerance'?",
                "dkim-agent.conf: 5: dkim-agent.rules.ttl.mx: unknown key, did you mean 'max'?",
                "dkim-agent.conf: 6: dkim-agent.identities[0].token: unknown key, did you mean 'tokens'?",
                "dkim-agent.conf: 7: dkim-agent.identities[0].records[0].vaule: unknown key,"
                        + " did you mean 'value'?",
                "dkim-agent.conf: 8: dkim-agent.zones.\"a.com\".nameserver: unknown key,"
                        + " did you mean 'nameservers'?");
    }

    @Test
    void keyFarFromAnyKnownOne_listsTheKnownKeys() {
        assertThat(problems("dkim-agent.dns.colour = blue")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.dns.colour: unknown key, expected one of attempts, ipv6,"
                        + " max-in-flight, per-nameserver-qps, per-resolver-qps, resolvers, timeout");
    }

    @Test
    void closest_prefersTheNearestCandidateAndIgnoresCase() {
        assertThat(KnownKeys.closest("TIMEOUT", java.util.List.of("timeout", "attempts"))).contains("timeout");
        assertThat(KnownKeys.closest("atempts", java.util.List.of("timeout", "attempts"))).contains("attempts");
        assertThat(KnownKeys.closest("xyz", java.util.List.of("timeout", "attempts"))).isEmpty();
    }

    @Test
    void distance_countsInsertionsDeletionsAndSubstitutions() {
        assertThat(KnownKeys.distance("timout", "timeout")).isEqualTo(1);
        assertThat(KnownKeys.distance("tokens", "token")).isEqualTo(1);
        assertThat(KnownKeys.distance("dsn", "dns")).isEqualTo(2);
        assertThat(KnownKeys.distance("", "abc")).isEqualTo(3);
    }
}
