package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.inventory.ses.SesOptions;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.Snapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SES scan lands once: SES history moves in its own commit, DNS checks judge against the memory before it. */
class SesRefreshTest {
    private static final String US = "us-east-1";
    private static final String DOMAIN = "a.test";
    private static final String KEY = "ses:default/us-east-1|a.test";

    private final AwsSesStub stub = AwsSesStub.start();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void runOnce_tokensRotated_storeRemembersTheNewOnes_checksJudgeAgainstTheOldOnesUntilTheNextScan()
            throws Exception {
        stub.domain("default", US, DOMAIN).tokens("t1", "t2", "t3");
        CombinedInventory inventory = new CombinedInventory(List.of());
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), "sa", "");
             SesInventory ses = new SesInventory(options(), stub.baseCredentials(), Clock.systemUTC(), e -> { })) {
            AlertStateStore states = new AlertStateStore(store);
            SesRefresh refresh = new SesRefresh(ses, inventory, states, new AgentMetrics("test"), Clock.systemUTC());

            assertThat(refresh.runOnce()).as("the first scan").isTrue();
            assertThat(tokens(states.sesMemory())).containsExactly("t1", "t2", "t3");
            assertThat(inventory.sesView().memory()).as("nothing was remembered before the first scan").isEmpty();

            stub.domain("default", US, DOMAIN).tokens("n1", "n2", "n3");
            assertThat(refresh.runOnce()).isFalse();

            assertThat(tokens(states.sesMemory())).containsExactly("n1", "n2", "n3");
            assertThat(tokens(inventory.sesView().memory())).containsExactly("t1", "t2", "t3");
            assertThat(tags(inventory)).contains("TOKENS_CHANGED");

            refresh.runOnce();

            assertThat(tags(inventory)).doesNotContain("TOKENS_CHANGED");
        }
    }

    private SesOptions options() {
        return new SesOptions(List.of(US), stub.endpoint(), stub.endpoint(), List.of(), List.of(), List.of(), 1000,
                Duration.ofHours(6), 50, Duration.ofSeconds(20));
    }

    private static List<String> tokens(Map<String, SesMemory> memory) {
        return memory.get(KEY).lastTokens();
    }

    /** The tags the rules give SES's view as the inventory holds it (no DNS: SES rules only). */
    private static List<String> tags(CombinedInventory inventory) {
        Snapshot snapshot = new Snapshot(java.time.Instant.now(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                inventory.sesView());
        return new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(), Messages.load())
                .evaluate(snapshot).stream().map(v -> v.finding().tag()).toList();
    }
}
