package dev.dkimagent.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DirectAnswersTest {
    private static final String NS1 = "127.0.0.11";
    private static final String NS2 = "127.0.0.12";

    @Test
    void of_mapOfAnswers_isTheSameMapAsACopy() {
        Map<Query, Answer> answers = sample();
        DirectAnswers grouped = DirectAnswers.of(answers);
        assertThat(grouped).isEqualTo(Map.copyOf(answers)).hasSize(answers.size());
        assertThat(Map.copyOf(answers)).isEqualTo(grouped);
        assertThat(grouped.hashCode()).isEqualTo(Map.copyOf(answers).hashCode());
        assertThat(new HashMap<>(grouped)).isEqualTo(answers);
    }

    @Test
    void get_byQueryOrByName_findsTheAnswerWhateverTheNameSpelling() {
        Map<Query, Answer> answers = sample();
        DirectAnswers grouped = DirectAnswers.of(answers);
        Answer txt = answers.get(new Query("s1._domainkey.a.test", "TXT", NS2));
        assertThat(grouped.get(new Query("S1._domainkey.A.test.", "TXT", NS2))).isSameAs(txt);
        assertThat(grouped.ofName("s1._domainkey.a.test").get("TXT", NS2)).isSameAs(txt);
        assertThat(grouped.ofName("s1._domainkey.a.test").get("CNAME", NS2)).isNull();
        assertThat(grouped.ofName("nothing.a.test")).isSameAs(NameAnswers.NONE);
        assertThat(grouped.get("not a query")).isNull();
        assertThat(grouped.containsKey(new Query("a.test", "SOA", NS1))).isTrue();
        assertThat(grouped.containsKey(new Query("a.test", "SOA", "127.0.0.99"))).isFalse();
    }

    @Test
    void of_groupedAnswers_isTheSameInstance() {
        DirectAnswers grouped = DirectAnswers.of(sample());
        assertThat(DirectAnswers.of(grouped)).isSameAs(grouped);
        Snapshot s = new Snapshot(java.time.Instant.EPOCH, List.of(), Map.of(), Map.of(), grouped, Map.of());
        assertThat(s.answers()).isSameAs(grouped);
        assertThat(s.withSes(SesView.empty()).directAnswers()).isSameAs(grouped);
    }

    @Test
    void collector_secondAnswerToOneQuery_replacesTheFirst() {
        DirectAnswers.Collector c = new DirectAnswers.Collector();
        Query q = new Query("s1._domainkey.a.test", "TXT", NS1);
        c.put(q, Answer.failed(Transport.TIMEOUT, "timeout"));
        Answer later = reply("s1._domainkey.a.test", "x.dkim.amazonses.com");
        c.put(q, later);
        DirectAnswers sealed = c.seal();
        assertThat(sealed).hasSize(1).containsEntry(q, later);
    }

    @Test
    void collector_afterSeal_refusesAnswersAndTheSealedMapCannotChange() {
        DirectAnswers.Collector c = new DirectAnswers.Collector();
        Query q = new Query("s1._domainkey.a.test", "TXT", NS1);
        c.put(q, reply("s1._domainkey.a.test", "x.dkim.amazonses.com"));
        DirectAnswers sealed = c.seal();
        assertThatThrownBy(() -> c.put(new Query("s2._domainkey.a.test", "TXT", NS1), Answer.failed(Transport.TIMEOUT, "t")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("s2._domainkey.a.test");
        assertThatThrownBy(() -> sealed.put(q, Answer.failed(Transport.TIMEOUT, "t")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(sealed::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sealed.entrySet().iterator().remove()).isInstanceOf(RuntimeException.class);
        assertThat(sealed).hasSize(1);
    }

    @Test
    void collector_putsFromManyThreads_keepsEveryAnswer() throws InterruptedException {
        DirectAnswers.Collector c = new DirectAnswers.Collector();
        Map<Query, Answer> expected = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            String address = "127.0.0." + (11 + t);
            pool.execute(() -> {
                for (int n = 0; n < 2_000; n++) {
                    Query q = new Query("s" + n + "._domainkey.a.test", "TXT", address);
                    Answer a = reply(q.name(), "t" + n + ".dkim.amazonses.com");
                    c.put(q, a);
                    expected.put(q, a);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(c.seal()).hasSize(8_000).isEqualTo(expected);
    }

    @Test
    void of_nullAnswer_isRefusedAsMapCopyOfRefusesIt() {
        Map<Query, Answer> withNull = new HashMap<>();
        withNull.put(new Query("a.test", "SOA", NS1), null);
        assertThatThrownBy(() -> DirectAnswers.of(withNull)).isInstanceOf(NullPointerException.class);
    }

    private static Map<Query, Answer> sample() {
        Map<Query, Answer> answers = new HashMap<>();
        for (String address : List.of(NS1, NS2)) {
            answers.put(new Query("s1._domainkey.a.test", "TXT", address), reply("s1._domainkey.a.test", "s1.dkim.amazonses.com"));
            answers.put(new Query("s2._domainkey.a.test", "TXT", address), reply("s2._domainkey.a.test", "s2.dkim.amazonses.com"));
            answers.put(new Query("a.test", "SOA", address), Answer.failed(Transport.TIMEOUT, "timeout after 3 attempts"));
        }
        answers.put(new Query("s2._domainkey.a.test", "CNAME", NS1), reply("s2._domainkey.a.test", "s2.dkim.amazonses.com"));
        return answers;
    }

    private static Answer reply(String name, String target) {
        return new Answer(Transport.REPLY, Answer.NOERROR, true, List.of(new Rr(name, "CNAME", 3600, target)), null, null, 1);
    }
}
