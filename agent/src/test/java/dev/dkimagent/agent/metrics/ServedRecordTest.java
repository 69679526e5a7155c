package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dkim_record_not_judged, dkim_record_ok and its TTL read off the rules' cell of one record on one server. */
class ServedRecordTest {

    /** What ns1 of example.com (healthy SOA unless {@code soa} says otherwise) shows for {@code expected}. */
    private static ServedRecord served(ExpectedRecord expected, Answer answer, Answer soa) {
        Map<Query, Answer> answers = new HashMap<>();
        if (answer != null) {
            answers.put(q(expected, NS1), answer);
        }
        answers.put(new Query("example.com", "SOA", NS1.address()), soa);
        ZoneView zone = new ZoneView("example.com", List.of(NS1), Set.of(), Set.of(), false, null);
        Snapshot s = new Snapshot(AT, List.of(new Identity("example.com", "config", List.of(expected))),
                Map.of("example.com", zone), Map.of(expected.name(), "example.com"), answers, Map.of());
        return ServedRecord.of(Matrices.of(s).get("example.com").rows().get(0).cell(NS1.address()).orElseThrow());
    }

    private static ServedRecord notJudged(String reason) {
        return new ServedRecord(java.util.Optional.of(reason), false, OptionalLong.empty());
    }

    private static ServedRecord served(ExpectedRecord expected, Answer answer) {
        return served(expected, answer, reply(true, new Rr("example.com", "SOA", 3600, SOA_DATA)));
    }

    @Test
    void of_authoritativeCnameToExpectedTarget_isOkWithItsTtl() {
        ServedRecord served = served(T1, reply(true, cnameRr(T1.name(), 1800, "t1.dkim.amazonses.com.")));
        assertThat(served).isEqualTo(ServedRecord.judged(true, OptionalLong.of(1800)));
    }

    @Test
    void of_targetInOtherCaseWithTrailingDot_isOk() {
        assertThat(served(T1, reply(true, cnameRr(T1.name(), 60, "T1.DKIM.AMAZONSES.COM.")))
                .ok()).isTrue();
    }

    @Test
    void of_wrongTarget_isNotOkButKeepsTheServedTtl() {
        ServedRecord served = served(T1, reply(true, cnameRr(T1.name(), 600, "t1.dkim.amazonses.com.example.com")));
        assertThat(served).isEqualTo(ServedRecord.judged(false, OptionalLong.of(600)));
    }

    @Test
    void of_notAuthoritative_isNotJudged() {
        ServedRecord served = served(T1, reply(false, cnameRr(T1.name(), 600, "t1.dkim.amazonses.com")));
        assertThat(served).isEqualTo(notJudged("lame"));
    }

    @Test
    void of_serverLameForTheZoneSoa_isNotJudgedWhateverTheRecordAnswer() {
        ServedRecord served = served(T1, reply(true, cnameRr(T1.name(), 600, "t1.dkim.amazonses.com")),
                reply(false, new Rr("example.com", "SOA", 3600, SOA_DATA)));
        assertThat(served).isEqualTo(notJudged("lame"));
    }

    @Test
    void of_nxdomain_isJudgedNotOk() {
        assertThat(served(T1, nxdomain())).isEqualTo(ServedRecord.judged(false, OptionalLong.empty()));
    }

    /** A server not heard for this record is neither serving nor not serving it: no dkim_record_ok. */
    @Test
    void of_timeoutOrNoAnswer_isNotJudged() {
        assertThat(served(T1, Answer.failed(Transport.TIMEOUT, "x"))).isEqualTo(notJudged("no_reply"));
        assertThat(served(T1, null)).isEqualTo(notJudged("not_asked"));
    }

    @Test
    void of_servfailWithAa_isNotJudged() {
        Answer servfail = new Answer(Transport.REPLY, Answer.SERVFAIL, true,
                List.of(cnameRr(T1.name(), 60, "t1.dkim.amazonses.com")), null, null, 1);
        assertThat(served(T1, servfail)).isEqualTo(notJudged("lame"));
    }

    @Test
    void of_flattenedCnameAnsweredAsA_isNotOk() {
        Answer flattened = reply(true, new Rr(T1.name(), "A", 300, "192.0.2.1"));
        assertThat(served(T1, flattened)).isEqualTo(ServedRecord.judged(false, OptionalLong.empty()));
    }

    @Test
    void of_cnameAtAnotherName_isNotOk() {
        Answer other = reply(true, cnameRr("t9._domainkey.example.com", 300, "t1.dkim.amazonses.com"));
        assertThat(served(T1, other).ok()).isFalse();
    }

    @Test
    void of_txtWithoutConfiguredValue_acceptsAnyTxt() {
        Answer txt = reply(true, new Rr(SEL.name(), "TXT", 300, "anything"));
        assertThat(served(SEL, txt)).isEqualTo(ServedRecord.judged(true, OptionalLong.of(300)));
    }

    @Test
    void of_txtWithConfiguredValue_needsThatValueIgnoringWhiteSpace() {
        ExpectedRecord key = new ExpectedRecord("sel", SEL.name(), RecordType.TXT, "v=DKIM1; k=rsa; p=ABC");
        Answer same = reply(true, new Rr(SEL.name(), "TXT", 300, "v=DKIM1;k=rsa;p=ABC"));
        Answer other = reply(true, new Rr(SEL.name(), "TXT", 300, "v=DKIM1; k=rsa; p=XYZ"));
        assertThat(served(key, same).ok()).isTrue();
        assertThat(served(key, other)).isEqualTo(ServedRecord.judged(false, OptionalLong.of(300)));
    }

    @Test
    void of_txtExpectedButNoData_isNotOk() {
        assertThat(served(SEL, reply(true)).ok()).isFalse();
    }
}
