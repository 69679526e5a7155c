package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityFileReaderTest {
    private static final String T1 = "4fbmtg5z2v7ptbsizqahg3abzd2fnakz";
    private static final String T2 = "cmybg3dbjnl5ivkmkyiekfoqwtpkffzh";
    private static final String T3 = "xa4ta6a3nqalwrg5xn7u7mkq5x6vj6b4";

    private final Problems problems = new Problems();
    private final List<Identity> identities = new ArrayList<>();

    @Test
    void read_goodLines_giveTheIdentitiesTheHoconFormGives() throws Exception {
        read("""
                # comments and blank lines are ignored

                mycompany.com  %s  %s  %s
                EU.MyCompany.com. p6acjhyq signing-hosted-zone=DKIM.eu-south-1.amazonses.com.  # a trailing comment
                """.formatted(T1, T2, T3));

        assertThat(problems.all()).isEmpty();
        assertThat(identities).containsExactly(
                new Identity("mycompany.com", "config", List.of(easyDkim(T1, "mycompany.com", "dkim.amazonses.com"),
                        easyDkim(T2, "mycompany.com", "dkim.amazonses.com"),
                        easyDkim(T3, "mycompany.com", "dkim.amazonses.com"))),
                new Identity("eu.mycompany.com", "config", List.of(
                        easyDkim("p6acjhyq", "eu.mycompany.com", "dkim.eu-south-1.amazonses.com"))));
        assertThat(identities).isEqualTo(ConfigFixtures.load("""
                dkim-agent.identities = [
                  { domain = "mycompany.com", tokens = ["%s", "%s", "%s"] }
                  { domain = "EU.MyCompany.com.", tokens = [p6acjhyq], signing-hosted-zone = "DKIM.eu-south-1.amazonses.com." }
                ]
                """.formatted(T1, T2, T3)).identities());
    }

    @Test
    void read_crlfBomTabsAndNoFinalNewline_areAllLineSyntax() throws Exception {
        read("\uFEFFa.com\t" + T1 + " \t" + T2 + "\r\n\r\n# c\r\nb.com " + T3 + "\rc.com\tt9");

        assertThat(problems.all()).isEmpty();
        assertThat(identities).extracting(Identity::name).containsExactly("a.com", "b.com", "c.com");
        assertThat(identities.get(0).records()).extracting(ExpectedRecord::value)
                .containsExactly(T1 + ".dkim.amazonses.com", T2 + ".dkim.amazonses.com");
        assertThat(identities.get(2).records()).extracting(ExpectedRecord::name)
                .containsExactly("t9._domainkey.c.com");
    }

    @Test
    void read_lineNumbersCountCrlfAndBlankLinesOnce() throws Exception {
        read("a.com t1\r\n\r\n\nb..com t1\r\n");

        assertThat(problems.all()).containsExactly(
                "ids.txt: 4: expected a DNS name, got 'b..com' (empty label)");
    }

    @Test
    void read_eachMistake_isReportedWithFileAndLine() throws Exception {
        read("""
                my..com t1
                a.com
                b.com t1 t2 t3 t4
                c.com t1.dkim.amazonses.com
                d.com t1 T1
                e.com t1 zone=dkim.amazonses.com
                f.com t1 signing-hosted-zone=bad..zone
                g.com t1 signing-hosted-zone=dkim.a.com signing-hosted-zone=dkim.b.com
                h.com t1 signing-hosted-zone=
                """);

        assertThat(problems.all()).containsExactly(
                "ids.txt: 1: expected a DNS name, got 'my..com' (empty label)",
                "ids.txt: 2: expected 1 to 3 DKIM tokens after the domain, got 0",
                "ids.txt: 3: expected 1 to 3 DKIM tokens after the domain, got 4",
                "ids.txt: 4: expected a single DNS label (1 to 63 letters, digits, '-' or '_'),"
                        + " got 't1.dkim.amazonses.com'",
                "ids.txt: 5: token 't1' is listed twice",
                "ids.txt: 6: unknown option 'zone'; the one option is signing-hosted-zone=<zone>",
                "ids.txt: 7: expected a DNS name, got 'bad..zone' (empty label)",
                "ids.txt: 8: signing-hosted-zone= is given twice; give it once",
                "ids.txt: 9: expected a DNS name, got '' (empty name)");
        assertThat(identities).isEmpty();
    }

    @Test
    void read_lineLongerThanTheLimit_isReportedOnceAndReadingGoesOn() throws Exception {
        read("a.com " + "t".repeat(IdentityFileReader.MAX_LINE_CHARS) + "\nb.com t1\n# " + "x".repeat(5000) + "\n");

        assertThat(problems.all()).containsExactly("ids.txt: 1: longer than 1024 characters before any '#'; a line"
                + " is a domain, 1 to 3 tokens and an optional signing-hosted-zone=<zone>");
        assertThat(identities).extracting(Identity::name).containsExactly("b.com");
    }

    @Test
    void read_manyBadLines_listsTheFirstHundredThenCountsTheRest() throws Exception {
        read(IntStream.rangeClosed(1, 130).mapToObj(i -> "bad..name" + i + " t1").collect(Collectors.joining("\n")));

        List<String> all = problems.all();
        assertThat(all).hasSize(FileProblems.MAX_LISTED + 1);
        assertThat(all.get(0)).isEqualTo("ids.txt: 1: expected a DNS name, got 'bad..name1' (empty label)");
        assertThat(all.get(99)).startsWith("ids.txt: 100: ");
        assertThat(all.get(100)).isEqualTo("ids.txt: ... and 30 more problems in this file (the first 100 are listed)");
    }

    @Test
    void read_domainTwice_namesTheFirstLine() throws Exception {
        read("a.com t1\nb.com t2\nA.com. t3\n");

        assertThat(problems.all()).containsExactly(
                "ids.txt: 3: duplicate domain 'a.com', already at ids.txt: 1; list each domain once");
        assertThat(identities).extracting(Identity::name).containsExactly("a.com", "b.com");
    }

    @Test
    void read_notUtf8_isReportedAsTheCharactersItDecodesTo() throws Exception {
        read("caf\uFFFD.com t1\n");

        assertThat(problems.all()).containsExactly("ids.txt: 1: expected a DNS name, got 'caf\uFFFD.com'"
                + " (label 'caf\uFFFD' is not 1 to 63 letters, digits, '-' or '_')");
    }

    private void read(String text) throws IOException {
        IdentityFileReader.read(new StringReader(text), "ids.txt", new DomainPlaces(), problems, identities);
    }

    static ExpectedRecord easyDkim(String token, String domain, String zone) {
        return new ExpectedRecord(token, token + "._domainkey." + domain, RecordType.CNAME, token + "." + zone);
    }
}
