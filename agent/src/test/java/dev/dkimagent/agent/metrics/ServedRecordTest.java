package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Transport;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ServedRecordTest {

    @Test
    void judge_authoritativeCnameToExpectedTarget_isOkWithItsTtl() {
        ServedRecord served = ServedRecord.judge(T1, Optional.of(reply(true, cnameRr(T1.name(), 1800,
                "t1.dkim.amazonses.com."))));
        assertThat(served).isEqualTo(new ServedRecord(true, OptionalLong.of(1800)));
    }

    @Test
    void judge_targetInOtherCaseWithTrailingDot_isOk() {
        assertThat(ServedRecord.judge(T1, Optional.of(reply(true, cnameRr(T1.name(), 60,
                "T1.DKIM.AMAZONSES.COM."))))).extracting(ServedRecord::ok).isEqualTo(true);
    }

    @Test
    void judge_wrongTarget_isNotOkButKeepsTheServedTtl() {
        ServedRecord served = ServedRecord.judge(T1, Optional.of(reply(true, cnameRr(T1.name(), 600,
                "t1.dkim.amazonses.com.example.com"))));
        assertThat(served).isEqualTo(new ServedRecord(false, OptionalLong.of(600)));
    }

    @Test
    void judge_notAuthoritative_isNotOk() {
        ServedRecord served = ServedRecord.judge(T1, Optional.of(reply(false, cnameRr(T1.name(), 600,
                "t1.dkim.amazonses.com"))));
        assertThat(served).isEqualTo(new ServedRecord(false, OptionalLong.empty()));
    }

    @Test
    void judge_nxdomainTimeoutOrNoAnswer_isNotOk() {
        assertThat(ServedRecord.judge(T1, Optional.of(nxdomain())).ok()).isFalse();
        assertThat(ServedRecord.judge(T1, Optional.of(Answer.failed(Transport.TIMEOUT, "x"))).ok()).isFalse();
        assertThat(ServedRecord.judge(T1, Optional.empty()).ok()).isFalse();
    }

    @Test
    void judge_servfailWithAa_isNotOk() {
        Answer servfail = new Answer(Transport.REPLY, Answer.SERVFAIL, true,
                List.of(cnameRr(T1.name(), 60, "t1.dkim.amazonses.com")), null, null, 1);
        assertThat(ServedRecord.judge(T1, Optional.of(servfail)).ok()).isFalse();
    }

    @Test
    void judge_flattenedCnameAnsweredAsA_isNotOk() {
        Answer flattened = reply(true, new Rr(T1.name(), "A", 300, "192.0.2.1"));
        assertThat(ServedRecord.judge(T1, Optional.of(flattened))).isEqualTo(new ServedRecord(false,
                OptionalLong.empty()));
    }

    @Test
    void judge_cnameAtAnotherName_isNotOk() {
        Answer other = reply(true, cnameRr("t9._domainkey.example.com", 300, "t1.dkim.amazonses.com"));
        assertThat(ServedRecord.judge(T1, Optional.of(other)).ok()).isFalse();
    }

    @Test
    void judge_txtWithoutConfiguredValue_acceptsAnyTxt() {
        Answer txt = reply(true, new Rr(SEL.name(), "TXT", 300, "anything"));
        assertThat(ServedRecord.judge(SEL, Optional.of(txt))).isEqualTo(new ServedRecord(true, OptionalLong.of(300)));
    }

    @Test
    void judge_txtWithConfiguredValue_needsThatValueIgnoringWhiteSpace() {
        ExpectedRecord key = new ExpectedRecord("sel", SEL.name(), RecordType.TXT, "v=DKIM1; k=rsa; p=ABC");
        Answer same = reply(true, new Rr(SEL.name(), "TXT", 300, "v=DKIM1;k=rsa;p=ABC"));
        Answer other = reply(true, new Rr(SEL.name(), "TXT", 300, "v=DKIM1; k=rsa; p=XYZ"));
        assertThat(ServedRecord.judge(key, Optional.of(same)).ok()).isTrue();
        assertThat(ServedRecord.judge(key, Optional.of(other))).isEqualTo(new ServedRecord(false, OptionalLong.of(300)));
    }

    @Test
    void judge_txtExpectedButNoData_isNotOk() {
        assertThat(ServedRecord.judge(SEL, Optional.of(reply(true))).ok()).isFalse();
    }
}
