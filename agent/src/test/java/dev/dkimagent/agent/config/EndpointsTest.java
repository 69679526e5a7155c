package dev.dkimagent.agent.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "192.0.2.1:53", "255.255.255.255:65535", "::1", "2001:db8::53",
            "[2001:db8::53]:5353", "[::1]", "::ffff:192.0.2.1"})
    void problem_addresses_areValidForResolversAndNameservers(String text) {
        assertThat(Endpoints.problem(text, false)).isEmpty();
        assertThat(Endpoints.problem(text, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ns1.example.com", "ns1.example.com.", "localhost"})
    void problem_hostNames_areValidOnlyForNameservers(String text) {
        assertThat(Endpoints.problem(text, true)).isEmpty();
        assertThat(Endpoints.problem(text, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.0.0.1", "192.0.2", "192.0.2.1:", "192.0.2.1:x", "192.0.2.1:0",
            "[192.0.2.1]:53", "[2001:db8::53]:", "2001:db8::zz", "2001:db8:::1", "[::1]x", "ns1.example.com:53",
            "fe80::1%eth0", "ns1..example.com"})
    void problem_malformedEntries_areRejectedEvenWhereHostsAreAllowed(String text) {
        assertThat(Endpoints.problem(text, true)).isPresent();
    }
}
