package dev.dkimagent.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Nameserver;
import org.junit.jupiter.api.Test;

class DigCommandTest {

    @Test
    void direct_namedServerOnPort53_usesTheHostName() {
        assertThat(DigCommand.direct(new Nameserver("ns3.mycompany.com", "192.0.2.3"), "CNAME", "t2._domainkey.mycompany.com"))
                .isEqualTo("dig +norecurse @ns3.mycompany.com CNAME t2._domainkey.mycompany.com");
    }

    @Test
    void direct_namedServerOnOtherPort_usesTheAddressAndPort() {
        assertThat(DigCommand.direct(new Nameserver("ns1.a.test", "127.0.0.1:5353"), "SOA", "a.test"))
                .isEqualTo("dig +norecurse @127.0.0.1 -p 5353 SOA a.test");
    }

    @Test
    void direct_serverConfiguredByAddress_usesTheAddress() {
        assertThat(DigCommand.direct(new Nameserver("192.0.2.7", "192.0.2.7"), "TXT", "s._domainkey.a.test"))
                .isEqualTo("dig +norecurse @192.0.2.7 TXT s._domainkey.a.test");
    }

    @Test
    void direct_ipv6WithPort_stripsTheBrackets() {
        assertThat(DigCommand.direct(new Nameserver("ns1.a.test", "[2001:db8::1]:5300"), "SOA", "a.test"))
                .isEqualTo("dig +norecurse @2001:db8::1 -p 5300 SOA a.test");
    }

    @Test
    void direct_bareIpv6_isPort53() {
        assertThat(DigCommand.direct(new Nameserver("ns1.a.test", "2001:db8::1"), "SOA", "a.test"))
                .isEqualTo("dig +norecurse @ns1.a.test -6 SOA a.test");
        assertThat(DigCommand.direct(new Nameserver("2001:db8::1", "2001:db8::1"), "SOA", "a.test"))
                .isEqualTo("dig +norecurse @2001:db8::1 SOA a.test");
    }

    @Test
    void resolver_hasNoNorecurse() {
        assertThat(DigCommand.resolver("TXT", "t1.dkim.amazonses.com")).isEqualTo("dig TXT t1.dkim.amazonses.com");
    }
}
