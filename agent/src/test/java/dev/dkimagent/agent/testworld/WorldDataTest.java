package dev.dkimagent.agent.testworld;

import static dev.dkimagent.agent.testworld.WorldData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WorldDataTest {
    @Test
    void tokens_areDistinctSesStyle32LowerCaseAlphanumerics() {
        assertThat(ALL_TOKENS).hasSize(6).doesNotHaveDuplicates().allMatch(t -> t.matches("[a-z0-9]{32}"));
    }

    @Test
    void driftFacts_pointAtDifferentMycompanyTokens() {
        assertThat(MYCOMPANY_TOKENS).contains(MISSING_TOKEN, ODD_TTL_TOKEN);
        assertThat(MISSING_TOKEN).isNotEqualTo(ODD_TTL_TOKEN);
        assertThat(MYCOMPANY_DRIFTED_SERIAL).isLessThan(MYCOMPANY_SERIAL);
    }

    @Test
    void names_areAbsolute() {
        assertThat(dkimName("abc", "healthy.test")).isEqualTo("abc._domainkey.healthy.test.");
        assertThat(dkimTarget("abc")).isEqualTo("abc.dkim.amazonses.com.");
        assertThat(address("127.54.0", NS3_HOST)).isEqualTo("127.54.0.13");
    }

    @Test
    void nameserverHost_unknownName_listsTheKnownOnes() {
        assertThatThrownBy(() -> nameserverHost("ns9")).hasMessageContaining("[ns1, ns2, ns3]");
    }

    @Test
    void dkimKey_splitsIntoStringsOfAtMost255BytesThatJoinBack() {
        DkimKey key = DkimKey.generate();

        assertThat(key.txtStrings()).hasSize(2).allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(255));
        assertThat(key.txtStrings().get(0)).hasSize(255).startsWith("v=DKIM1; k=rsa; p=");
        assertThat(String.join("", key.txtStrings())).isEqualTo(key.txtValue());
        assertThat(Base64.getDecoder().decode(key.publicKeyBase64())).hasSizeGreaterThan(256);
    }

    @Test
    void binaries_missingOne_isNamedWithTheInstallHint() {
        assertThatThrownBy(() -> Binaries.require("nsd-that-does-not-exist"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'nsd-that-does-not-exist'")
                .hasMessageContaining("run scripts/install-test-deps.sh");
    }

    @Test
    void binaries_serverBinariesOfTheWorldArePresent() {
        for (String binary : new String[] {"nsd", "nsd-checkconf", "nsd-checkzone", "unbound", "unbound-control",
                "unbound-checkconf"}) {
            assertThat(Binaries.require(binary)).as(binary).startsWith("/").endsWith("/" + binary);
        }
    }
}
