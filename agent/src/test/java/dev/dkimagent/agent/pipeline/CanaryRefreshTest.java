package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.AlertPolicy;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.metrics.CanaryGauges;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryRound.Delivery;
import io.prometheus.client.CollectorRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canary rounds through the lifecycle into the store and outbox, and the canary series. */
class CanaryRefreshTest {
    private static final String IDENTITY = "mycompany.test";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private AlertStateStore states;
    private CollectorRegistry registry;
    private CanaryRefresh refresh;

    @BeforeEach
    void open() throws Exception {
        store = Store.open("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), "sa", "");
        states = new AlertStateStore(store);
        registry = new CollectorRegistry();
        refresh = new CanaryRefresh(List.of(), null,
                new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(), Messages.load()),
                new Lifecycle(new AlertPolicy(1, 1, Duration.ofDays(1), Severity.WARNING)), states,
                new CanaryGauges(registry), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void unsignedThenGood_firesOnceWithANotification_thenResolves_andRecordsTheSuccess() {
        refresh.commit(delivered(List.of(signature("amazonses.com", true))));

        assertThat(firing()).containsExactly("DKIM06.CANARY_NOT_SIGNED");
        assertThat(store.outbox()).hasSize(1);
        assertThat(registry.getSampleValue(CanaryGauges.LAST_SUCCESS, new String[] {"identity"}, new String[] {IDENTITY}))
                .isNull();

        refresh.commit(delivered(List.of(signature(IDENTITY, true))));

        assertThat(firing()).isEmpty();
        assertThat(registry.getSampleValue(CanaryGauges.LAST_SUCCESS, new String[] {"identity"}, new String[] {IDENTITY}))
                .isEqualTo((double) NOW.getEpochSecond());
        assertThat(registry.getSampleValue(CanaryGauges.ROUND_TRIP, new String[] {"identity"}, new String[] {IDENTITY}))
                .isEqualTo(4.0);
    }

    @Test
    void failedRound_raisesMon02_andNeitherResolvesDkim06NorTheIdentitysDnsFindings() {
        refresh.commit(delivered(List.of(signature("amazonses.com", true))));
        AlertState dns = dnsFinding();
        states.commit(Map.of(), Map.of(dns.key(), dns), List.of(), Map.of());

        refresh.commit(new CanaryRound(IDENTITY, "c@" + IDENTITY, NOW, Delivery.FAILED, null, Duration.ofMinutes(10),
                List.of(), List.of(), new CanaryRound.Failure(CanaryRound.Stage.MAILBOX, "login refused", "imap://x")));

        assertThat(firing()).containsExactlyInAnyOrder("DKIM06.CANARY_NOT_SIGNED", "MON02.CANARY_ERROR",
                "DKIM01.RECORD_MISSING");
    }

    @Test
    void notDelivered_resolvesNoSignatureFinding() {
        refresh.commit(delivered(List.of(signature("amazonses.com", true))));

        refresh.commit(new CanaryRound(IDENTITY, "c@" + IDENTITY, NOW, Delivery.NOT_DELIVERED, null,
                Duration.ofMinutes(10), List.of(), List.of(), null));

        assertThat(firing()).containsExactlyInAnyOrder("DKIM06.CANARY_NOT_SIGNED", "DKIM06.CANARY_NOT_DELIVERED");
    }

    private List<String> firing() {
        return states.states().values().stream().filter(s -> s.status() == AlertStatus.FIRING)
                .map(s -> s.line().rule() + "." + s.line().tag()).toList();
    }

    private static CanaryRound delivered(List<CanaryRound.Signature> signatures) {
        return new CanaryRound(IDENTITY, "c@" + IDENTITY, NOW, Delivery.DELIVERED, Duration.ofSeconds(4),
                Duration.ofMinutes(10), signatures, List.of(), null);
    }

    private static CanaryRound.Signature signature(String domain, boolean passes) {
        return new CanaryRound.Signature(domain, "s1", passes, List.of("ns1"), List.of());
    }

    private static AlertState dnsFinding() {
        AlertLine line = new AlertLine("DKIM01.RECORD_MISSING|mycompany.test|t1|127.0.0.13", "DKIM01", "RECORD_MISSING",
                Severity.CRITICAL, IDENTITY, "t1", "ns3." + IDENTITY, "127.0.0.13", "missing", "add it", "dig");
        return new AlertState(line.key(), IDENTITY, AlertStatus.FIRING, 1, 0, NOW, NOW, line);
    }
}
