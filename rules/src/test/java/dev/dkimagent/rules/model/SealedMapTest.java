package dev.dkimagent.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedMapTest {
    private static final Answer KEY = new Answer(Transport.REPLY, Answer.NOERROR, false,
            List.of(new Rr("t1.dkim.amazonses.com", "TXT", 300, "p=MIIB")), null, null, 1);

    @Test
    void seal_handsTheEntriesOverAndTheSnapshotKeepsThemWithoutACopy() {
        SealedMap.Collector<String, Answer> keys = new SealedMap.Collector<>();
        keys.put("t1.dkim.amazonses.com", KEY);
        SealedMap<String, Answer> sealed = keys.seal();
        Snapshot s = new Snapshot(Instant.EPOCH, List.of(), Map.of(), Map.of(), Map.of(), sealed);
        assertThat(s.keyAnswers()).isSameAs(sealed).isEqualTo(Map.of("t1.dkim.amazonses.com", KEY));
        assertThat(s.keyAnswer("T1.dkim.amazonses.com.")).contains(KEY);
    }

    @Test
    void collector_afterSeal_refusesEntriesAndTheSealedMapCannotChange() {
        SealedMap.Collector<String, Answer> keys = new SealedMap.Collector<>();
        keys.put("t1.dkim.amazonses.com", KEY);
        SealedMap<String, Answer> sealed = keys.seal();
        assertThatThrownBy(() -> keys.put("t2.dkim.amazonses.com", KEY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("t2.dkim.amazonses.com");
        assertThatThrownBy(() -> sealed.put("t2.dkim.amazonses.com", KEY)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sealed.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(sealed).hasSize(1).containsOnlyKeys("t1.dkim.amazonses.com");
    }

    @Test
    void snapshot_ofAnyOtherMap_keepsACopy() {
        Map<String, Answer> plain = new java.util.HashMap<>(Map.of("t1.dkim.amazonses.com", KEY));
        Snapshot s = new Snapshot(Instant.EPOCH, List.of(), Map.of(), Map.of(), Map.of(), plain);
        plain.clear();
        assertThat(s.keyAnswers()).containsOnlyKeys("t1.dkim.amazonses.com");
    }
}
