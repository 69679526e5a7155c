package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.daemon.DaemonSteps.FIRING_LIMIT;
import static dev.dkimagent.agent.daemon.DaemonSteps.awaitFiring;
import static dev.dkimagent.agent.daemon.DaemonSteps.stillAfterAnotherSweep;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real jar on the state file an agent of d74c9ab left behind (upgrade/state-d74c9ab.mv.db,
 * outside this world's inventory): it migrates the file in place, delivers the two messages that
 * were still queued exactly once, never again the one already delivered nor the permanent one,
 * and announces nothing of the alerts that were already firing.
 */
class StateUpgradeIT {
    private static final String PREFIX = "127.58.0";
    private static final Duration QUEUED_LIMIT = Duration.ofSeconds(30);

    private DaemonWorld world;

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void agentStartedOnALegacyStateFile_deliversWhatWasQueued_once_andAnnouncesNothingAgain() throws Exception {
        world = DaemonWorld.start(PREFIX, builder -> builder);
        world.sesHealthy();
        world.sesMycompany("SUCCESS");
        copyLegacyState(Path.of(world.statePath() + ".mv.db"));
        letTheDefaultUserIn(world.statePath());

        AgentProcess agent = world.startAgent().awaitReady();

        await("the queued messages of b.example and a.example").atMost(QUEUED_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !WebhookMessages.about(world.slack(), "b.example").isEmpty()
                        && !WebhookMessages.about(world.slack(), "a.example").isEmpty());
        awaitFiring(world, agent, MYCOMPANY, 1, FIRING_LIMIT);
        stillAfterAnotherSweep(() -> {
            String posted = WebhookMessages.describe(world.slack()) + agent.output();
            assertThat(WebhookMessages.firing(world.slack(), "b.example")).as(posted).singleElement()
                    .satisfies(r -> assertThat(r.payloadText()).contains("sel1._domainkey.b.example"));
            assertThat(WebhookMessages.about(world.slack(), "b.example")).as(posted).hasSize(1);
            assertThat(WebhookMessages.about(world.slack(), "a.example")).as("only the queued reminder; " + posted)
                    .singleElement()
                    .satisfies(r -> assertThat(r.payloadText()).contains("tok2._domainkey.a.example"));
            assertThat(WebhookMessages.firing(world.slack(), "a.example")).as(posted).isEmpty();
            assertThat(WebhookMessages.about(world.slack(), "c.example")).as(posted).isEmpty();
            assertThat(WebhookMessages.about(world.slack(), "d.example")).as(posted).isEmpty();
        });
        assertThat(agent.output()).contains("adopted the schema at version 1 for Flyway")
                .contains("migrated to version 8").doesNotContain("cannot be read");
    }

    /** The fixture was written as user sa; this world's config keeps the default (empty) state.user. */
    private static void letTheDefaultUserIn(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE USER \"\" PASSWORD '' ADMIN");
        }
    }

    private static void copyLegacyState(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (InputStream in = StateUpgradeIT.class.getResourceAsStream("/upgrade/state-d74c9ab.mv.db")) {
            assertThat(in).as("upgrade/state-d74c9ab.mv.db on the test classpath").isNotNull();
            Files.copy(in, file);
        }
    }
}
