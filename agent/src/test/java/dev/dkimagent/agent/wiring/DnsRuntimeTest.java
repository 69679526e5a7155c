package dev.dkimagent.agent.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.config.Ipv6Mode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DnsRuntimeTest {

    @Test
    void checkIpv6_auto_followsTheHostsRoute() {
        assertThat(DnsRuntime.checkIpv6(Ipv6Mode.AUTO, () -> true)).isTrue();
        assertThat(DnsRuntime.checkIpv6(Ipv6Mode.AUTO, () -> false)).isFalse();
    }

    @Test
    void checkIpv6_trueOrFalse_neverAsksTheRoute() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(DnsRuntime.checkIpv6(Ipv6Mode.ON, () -> asked.incrementAndGet() > 100)).isTrue();
        assertThat(DnsRuntime.checkIpv6(Ipv6Mode.OFF, () -> asked.incrementAndGet() > 0)).isFalse();
        assertThat(asked).hasValue(0);
    }
}
