package dev.dkimagent.agent.testworld;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZoneTextTest {
    @Test
    void render_writesSoaFirstWithAbsoluteNamesAndTheGivenTimers() {
        String text = ZoneText.of("example.test").serial(7).minimum(300).soaTtl(600)
                .nameserver("ns1", "127.0.0.11")
                .cname("tok", "tok.dkim.amazonses.com", 3600)
                .render();

        assertThat(text.lines()).containsExactly(
                "$TTL 3600",
                "example.test.\t600\tIN\tSOA\tns1.example.test. hostmaster.example.test. 7 7200 3600 1209600 300",
                "example.test.\t\tIN\tNS\tns1.example.test.",
                "ns1.example.test.\t\tIN\tA\t127.0.0.11",
                "tok._domainkey.example.test.\t3600\tIN\tCNAME\ttok.dkim.amazonses.com.");
    }

    @Test
    void render_rootZoneOwnersGetASingleDot_andRepeatedGlueAppearsOnce() {
        String text = ZoneText.of(".").ns("a.root.test.")
                .delegation("test", "a.root.test.", "127.0.0.10")
                .delegation("com", "a.root.test.", "127.0.0.10")
                .render();

        assertThat(text).contains("\ntest.\t\tIN\tNS\ta.root.test.\n").contains("\ncom.\t\tIN\tNS\ta.root.test.\n");
        assertThat(text.lines().filter(line -> line.startsWith("a.root.test."))).hasSize(1);
        assertThat(text).contains("\tSOA\ta.root.test. hostmaster. ");
    }

    @Test
    void txt_quotesEachStringAndEscapesQuotes() {
        String text = ZoneText.of("example.test").txt("@", 60, "v=DKIM1; p=ab", "say \"hi\"").render();

        assertThat(text).contains("example.test.\t60\tIN\tTXT\t\"v=DKIM1; p=ab\" \"say \\\"hi\\\"\"");
    }

    @Test
    void dkimCname_pointsAtTheSesTarget() {
        String text = ZoneText.of("example.test").dkimCname("abc", 300).render();

        assertThat(text).contains("abc._domainkey.example.test.\t300\tIN\tCNAME\tabc.dkim.amazonses.com.");
    }
}
