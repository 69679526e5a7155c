package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Transport;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SnapshotGaugesTest {

    @Test
    void soaUp_authoritativeNoerrorWithSoa_isUp() {
        assertThat(SoaServed.up(Optional.of(reply(true, new Rr("example.com", "SOA", 60, SOA_DATA))))).isTrue();
    }

    @Test
    void soaUp_lameTimeoutOrNoSoa_isDown() {
        assertThat(SoaServed.up(Optional.of(reply(false, new Rr("example.com", "SOA", 60, SOA_DATA))))).isFalse();
        assertThat(SoaServed.up(Optional.of(Answer.failed(Transport.TIMEOUT, "x")))).isFalse();
        assertThat(SoaServed.up(Optional.of(reply(true)))).isFalse();
        assertThat(SoaServed.up(Optional.empty())).isFalse();
    }

    @Test
    void soaSerial_presentationFormatWithParentheses_readsTheThirdField() {
        Answer a = reply(true, new Rr("example.com", "SOA", 60, "ns1. host. ( 4294967295 1 2 3 4 )"));
        assertThat(SoaServed.serial(a)).isEqualTo(OptionalLong.of(4294967295L));
    }

    @Test
    void soaSerial_garbled_isEmpty() {
        assertThat(SoaServed.serial(reply(true, new Rr("example.com", "SOA", 60, "ns1. host. x")))).isEmpty();
    }

    @Test
    void of_sameRecordTwiceFromTwoSources_yieldsOneSeries() {
        var twice = new dev.dkimagent.rules.model.Snapshot(AT, List.of(
                new dev.dkimagent.rules.model.Identity("example.com", "config", List.of(T1)),
                new dev.dkimagent.rules.model.Identity("example.com", "ses:default/us-east-1", List.of(T1))),
                snapshot().zones(), snapshot().zoneOfName(), snapshot().answers(), java.util.Map.of());
        long okSeries = SnapshotGauges.of(twice).get(0).samples.size();
        assertThat(okSeries).isEqualTo(2); // t1 on ns1 and ns2
    }
}
