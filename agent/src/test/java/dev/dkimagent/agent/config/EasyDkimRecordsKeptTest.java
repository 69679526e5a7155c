package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both forms of the configuration keep an Easy-DKIM identity's records compact (issue 11). */
class EasyDkimRecordsKeptTest {
    private static final List<ExpectedRecord> EXPECTED = List.of(
            new ExpectedRecord("t1", "t1._domainkey.a.com", RecordType.CNAME, "t1.dkim.eu-south-1.amazonses.com"),
            new ExpectedRecord("t2", "t2._domainkey.a.com", RecordType.CNAME, "t2.dkim.eu-south-1.amazonses.com"));

    @Test
    void hoconTokens_areKeptCompact() throws Exception {
        Identity identity = ConfigFixtures.load("""
                dkim-agent.identities = [
                  { domain = "A.com", tokens = [T1, t2], signing-hosted-zone = "dkim.eu-south-1.amazonses.com." }
                ]
                """).identities().get(0);

        assertThat(identity.records()).isInstanceOf(EasyDkimRecords.class).isEqualTo(EXPECTED);
    }

    @Test
    void hoconTokensAndRecords_areOnePlainList() throws Exception {
        Identity identity = ConfigFixtures.load("""
                dkim-agent.identities = [ { domain = "a.com", tokens = [t1, t2]
                  signing-hosted-zone = "dkim.eu-south-1.amazonses.com"
                  records = [ { name = "s1._domainkey.a.com", type = TXT } ] } ]
                """).identities().get(0);

        List<ExpectedRecord> expected = new ArrayList<>(EXPECTED);
        expected.add(new ExpectedRecord("s1", "s1._domainkey.a.com", RecordType.TXT, ""));
        assertThat(identity.records()).isNotInstanceOf(EasyDkimRecords.class).isEqualTo(expected);
    }

    @Test
    void identityFileLines_areKeptCompact_withTheirZoneNormalised() throws Exception {
        List<Identity> identities = new ArrayList<>();
        Problems problems = new Problems();
        IdentityFileReader.read(new StringReader("""
                a.com T1 t2 signing-hosted-zone=dkim.eu-south-1.amazonses.com
                b.com t3 signing-hosted-zone=DKIM.eu-south-1.amazonses.com.
                """), "ids.txt", new DomainPlaces(), problems, identities);

        assertThat(problems.all()).isEmpty();
        assertThat(identities.get(0).records()).isInstanceOf(EasyDkimRecords.class).isEqualTo(EXPECTED);
        assertThat(identities.get(1).records()).isInstanceOf(EasyDkimRecords.class).containsExactly(
                new ExpectedRecord("t3", "t3._domainkey.b.com", RecordType.CNAME, "t3.dkim.eu-south-1.amazonses.com"));
    }
}
