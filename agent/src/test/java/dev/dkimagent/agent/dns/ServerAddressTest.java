package dev.dkimagent.agent.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void parse_acceptsEveryAddressForm() throws Exception {
        assertThat(ServerAddress.parse("192.0.2.1")).isEqualTo(new InetSocketAddress("192.0.2.1", 53));
        assertThat(ServerAddress.parse("192.0.2.1:5353")).isEqualTo(new InetSocketAddress("192.0.2.1", 5353));
        assertThat(ServerAddress.parse("2001:db8::1")).isEqualTo(new InetSocketAddress("2001:db8::1", 53));
        assertThat(ServerAddress.parse("[2001:db8::1]:5353")).isEqualTo(new InetSocketAddress("2001:db8::1", 5353));
    }

    @Test
    void parse_hostNameOrBadPort_isRejectedWithoutLookup() {
        assertThatThrownBy(() -> ServerAddress.parse("ns1.example.com")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("ns1.example.com");
        assertThatThrownBy(() -> ServerAddress.parse("192.0.2.1:99999")).isInstanceOf(UnknownHostException.class);
        assertThat(ServerAddress.isLiteral("ns1.example.com")).isFalse();
    }

    @Test
    void format_omitsDefaultPortAndBracketsV6() throws Exception {
        assertThat(ServerAddress.format(InetAddress.getByName("192.0.2.1"), 53)).isEqualTo("192.0.2.1");
        assertThat(ServerAddress.format(InetAddress.getByName("192.0.2.1"), 5353)).isEqualTo("192.0.2.1:5353");
        assertThat(ServerAddress.format(InetAddress.getByName("2001:db8::1"), 5353)).isEqualTo("[2001:db8:0:0:0:0:0:1]:5353");
    }

    @Test
    void systemResolvers_areAddressLiterals() {
        // dnsjava falls back to localhost when the host configures none, so the list is never empty
        assertThat(SystemResolvers.addresses()).isNotEmpty().allMatch(ServerAddress::isLiteral);
    }
}
