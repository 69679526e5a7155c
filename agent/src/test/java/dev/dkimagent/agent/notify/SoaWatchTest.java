package dev.dkimagent.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Soa;
import dev.dkimagent.rules.model.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Rounds of the SOA watch over scripted answers: what counts as a change, and what is asked. */
class SoaWatchTest {
    private static final String ZONE = "mycompany.test";
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private final SoaWatch watch = new SoaWatch(() -> Map.of(ZONE, List.of("192.0.2.1", "192.0.2.2", "192.0.2.1")),
            (address, zone) -> {
                asked.add(zone + "@" + address);
                return CompletableFuture.completedFuture(answers.get(address));
            },
            (zone, newest) -> changed.add(zone + (newest.isPresent() ? "@" + newest.getAsLong() : "")),
            Duration.ofSeconds(1));

    @Test
    void firstRound_onlyRemembers_andAsksEachAddressOnce() throws InterruptedException {
        answers.put("192.0.2.1", soa(5));
        answers.put("192.0.2.2", soa(5));

        watch.runOnce();

        assertThat(asked).containsExactly(ZONE + "@192.0.2.1", ZONE + "@192.0.2.2");
        assertThat(changed).isEmpty();
    }

    @Test
    void serialMovedOnOneAddress_rechecksWithTheNewestSerial() throws InterruptedException {
        answers.put("192.0.2.1", soa(5));
        answers.put("192.0.2.2", soa(5));
        watch.runOnce();
        answers.put("192.0.2.1", soa(6));

        watch.runOnce();

        assertThat(changed).containsExactly(ZONE + "@6");
    }

    @Test
    void addressGoesSilentOrLame_rechecks_andNothingChanged_doesNot() throws InterruptedException {
        answers.put("192.0.2.1", soa(5));
        answers.put("192.0.2.2", soa(5));
        watch.runOnce();
        watch.runOnce();
        assertThat(changed).isEmpty();

        answers.put("192.0.2.2", Answer.failed(Transport.TIMEOUT, "timeout"));
        watch.runOnce();
        answers.put("192.0.2.2", new Answer(Transport.REPLY, Answer.REFUSED, false, List.of(), null, null, 1));
        watch.runOnce();

        assertThat(changed).containsExactly(ZONE + "@5", ZONE + "@5");
    }

    @Test
    void serialWrapsAround_newestFollowsRfc1982() {
        assertThat(AddressState.newer(1, 4294967295L)).isTrue();
        assertThat(AddressState.newer(4294967295L, 1)).isFalse();
        assertThat(AddressState.newer(7, 7)).isFalse();
    }

    private static Answer soa(long serial) {
        Soa soa = new Soa("ns1." + ZONE, "hostmaster." + ZONE, serial, 3600, 600, 86400, 300, 300);
        return new Answer(Transport.REPLY, Answer.NOERROR, true, List.of(Rr.soa(ZONE, soa)), null, null, 1);
    }
}
