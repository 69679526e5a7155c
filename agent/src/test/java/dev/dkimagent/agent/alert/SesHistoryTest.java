package dev.dkimagent.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SesHistoryTest {

    static final Instant EARLIER = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final String KEY = "ses:prod/eu-west-1|example.com";

    static SesIdentityState state(DkimStatus status, List<String> tokens) {
        return new SesIdentityState("example.com", "prod", "eu-west-1", status, true, "AWS_SES", tokens,
                "dkim.amazonses.com", null, null, null, null, null, null, null, false);
    }

    static SesView view(SesIdentityState state) {
        return new SesView(List.of(state), List.of(), Map.of());
    }

    @Test
    void next_success_recordsSweepTimeAsLastSuccess() {
        Map<String, SesMemory> next = SesHistory.next(Map.of(), view(state(DkimStatus.SUCCESS, List.of("a", "b"))), NOW);

        assertThat(next).containsExactly(Map.entry(KEY, new SesMemory(DkimStatus.SUCCESS, NOW, List.of("a", "b"))));
    }

    @Test
    void next_failure_keepsPreviousLastSuccessAndTakesNewStatusAndTokens() {
        Map<String, SesMemory> previous = Map.of(KEY, new SesMemory(DkimStatus.SUCCESS, EARLIER, List.of("a")));

        Map<String, SesMemory> next = SesHistory.next(previous,
                view(state(DkimStatus.TEMPORARY_FAILURE, List.of("c"))), NOW);

        assertThat(next.get(KEY)).isEqualTo(new SesMemory(DkimStatus.TEMPORARY_FAILURE, EARLIER, List.of("c")));
    }

    @Test
    void next_keyNotReadThisSweep_keepsItsMemory() {
        SesMemory other = new SesMemory(DkimStatus.PENDING, null, List.of());
        Map<String, SesMemory> previous = Map.of("ses:dev/us-east-1|x.org", other);

        Map<String, SesMemory> next = SesHistory.next(previous, view(state(DkimStatus.SUCCESS, List.of())), NOW);

        assertThat(next).containsEntry("ses:dev/us-east-1|x.org", other).containsKey(KEY);
    }

    @Test
    void next_unknownStatus_keepsPreviousStatus() {
        Map<String, SesMemory> previous = Map.of(KEY, new SesMemory(DkimStatus.SUCCESS, EARLIER, List.of("a")));

        Map<String, SesMemory> next = SesHistory.next(previous, view(state(null, List.of("a"))), NOW);

        assertThat(next.get(KEY)).isEqualTo(new SesMemory(DkimStatus.SUCCESS, EARLIER, List.of("a")));
    }
}
