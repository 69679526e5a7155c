package dev.dkimagent.agent.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Transport;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Hostile datagrams on the reply path: whatever bytes a server (or a spoofer) sends, the client
 * gets a typed observation (a REPLY answer, or MALFORMED / MISMATCH with a reason), never an
 * exception. Follows the loop's own steps: a datagram with an attempt's id goes through
 * {@link ReplyReader#read} and {@link Replies#toAnswer}; one that matches no attempt is
 * classified with {@link ReplyReader#parses} and explains the attempt's timeout ({@link UdpAttempt}).
 *
 * <p>In the suite (regression mode) it runs the seeds in ReplyPathFuzzTestInputs plus a short
 * generated series. A real fuzzing run, with coverage guidance (see docs/performance.md):
 * {@code JAZZER_FUZZ=1 mvn -pl agent -am test -Dtest=ReplyPathFuzzTest -Djazzer.max_duration=10m}
 */
class ReplyPathFuzzTest {
    private static final List<Integer> TYPES = List.of(Type.CNAME, Type.TXT, Type.SOA, Type.NS, Type.A, Type.AAAA);
    private static final Set<Transport> READ_OUTCOMES = Set.of(Transport.REPLY, Transport.MALFORMED,
            Transport.MISMATCH);

    @FuzzTest(maxDuration = "5m")
    void anyDatagram_givesATypedObservation(FuzzedDataProvider data) throws Exception {
        boolean ourId = data.consumeBoolean();
        int type = data.pickValue(TYPES);
        int otherId = data.consumeInt(0, 0xFFFF);
        byte[] datagram = data.consumeRemainingAsBytes();
        Record question = Record.newRecord(Name.fromString("t1._domainkey.a.test."), type, DClass.IN);
        int id = ourId && datagram.length >= 2 ? ReplyReader.idOf(datagram) : otherId;

        Answer answer = observe(ReplyReader.read(datagram, id, question), question);
        assertTyped(answer);

        UdpAttempt attempt = new UdpAttempt(id, null, null);
        attempt.sawForeign(ReplyReader.parses(datagram), otherId);
    }

    /** What Call makes of a read: the reply's answer, or the failure as a final answer. */
    private static Answer observe(ReplyReader.Read read, Record question) {
        if (read.failure() == null) {
            return Replies.toAnswer(read.reply(), 1, question.getName(), NameTexts.of(question.getName()));
        }
        return new Answer(read.failure().transport(), -1, false, List.of(), null, read.failure().reason(), 1);
    }

    private static void assertTyped(Answer a) {
        assertThat(READ_OUTCOMES).contains(a.transport());
        assertThat(QueryOutcome.ALL).contains(QueryOutcome.of(a));
        if (a.isReply()) {
            assertThat(a.detail()).isNull();
            for (Rr rr : a.records()) {
                assertThat(rr.name()).isNotNull();
                assertThat(rr.type()).isNotNull();
                assertThat(rr.data()).isNotNull();
            }
        } else {
            assertThat(a.detail()).isNotBlank();
            assertThat(a.records()).isEmpty();
        }
    }
}
