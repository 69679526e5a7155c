package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.daemon.DaemonSteps.FIRING_LIMIT;
import static dev.dkimagent.agent.daemon.DaemonSteps.awaitFiring;
import static dev.dkimagent.agent.daemon.DaemonSteps.removeFromNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.restoreNs3;
import static dev.dkimagent.agent.daemon.DaemonSteps.stillAfterAnotherSweep;
import static dev.dkimagent.agent.daemon.DaemonWorld.INTERVAL;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.alert.slack.SlackStub.Request;
import dev.dkimagent.agent.testworld.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real jar with its state under real faults: an H2 file on a tmpfs that fills up or goes
 * read-only (in the agent's own mount namespace), PostgreSQL stopped and started again, and an
 * unreadable state file. During the fault the agent says so (/readyz 503 with the reason,
 * dkim_state_store_up 0) and posts nothing; when it clears the agent recovers without a restart,
 * delivers what happened meanwhile, and re-sends nothing it had delivered.
 *
 * <p>Run inside {@code unshare -n} as root (the agent makes its own mount namespace). To look at
 * the ext4 image of the read-only test afterwards, set DKIM_TEST_KEEP_STATE_IMAGE to a file name.
 */
class StateStoreFaultIT {
    private static final String PREFIX = "127.59.0";
    private static final String TOKEN = HEALTHY_TOKENS.get(0);
    /** A probe write every 10 s, plus a sweep's failed commit, plus load. */
    private static final Duration DOWN_LIMIT = Duration.ofSeconds(40);
    /** Reopen attempts at most 30 s apart, plus load. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    private static final String DOWN = "the state store is down since ";

    private DaemonWorld world;
    private Postgres postgres;
    private PrivateMount mount;

    @AfterEach
    void stop() throws Exception {
        if (mount != null) {
            mount.close();
        }
        String keep = System.getenv("DKIM_TEST_KEEP_STATE_IMAGE");
        if (keep != null && world != null) {
            Path image = world.statePath().getParent().resolveSibling("state.ext4");
            if (Files.exists(image)) {
                Files.copy(image, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (world != null) {
            world.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void h2OnAFilesystemThatFillsUp_isDownWhileFull_andRecoversWithoutRestartOrRepeat() {
        world = startWorld();
        mount = PrivateMount.tmpfs(world.statePath().getParent(), 4096);
        AgentProcess agent = world.startAgent(mount.wrapper(), List.of()).awaitReady();
        mount.of(agent);

        // H2 may write again into free space inside its own file while the disk is still full:
        // the store is then up (and records what it sends), so "down for the whole fault" is not asserted.
        faultAndRecovery(agent, mount::fill, mount::free, "No space left on device", false);
    }

    @Test
    void h2OnAFilesystemTheKernelRemountsReadOnly_isDownUntilFsckAndRemount_andRecoversWithoutRestartOrRepeat() {
        world = startWorld();
        Path image = world.statePath().getParent().resolveSibling("state.ext4");
        mount = PrivateMount.ext4(world.statePath().getParent(), image, 32);
        AgentProcess agent = world.startAgent(mount.wrapper(), List.of()).awaitReady();
        mount.of(agent);

        faultAndRecovery(agent, mount::failReadOnly, mount::fsckAndRemount, "Read-only file system", true);
    }

    @Test
    void postgresStoppedForAWhile_isDownWhileStopped_andRecoversWithoutRestartOrRepeat() {
        postgres = Postgres.start();
        world = startWorld();
        world.stateUrl(postgres.newDatabase(), Postgres.USER);
        AgentProcess agent = world.startAgent().awaitReady();

        faultAndRecovery(agent, postgres::stop, postgres::startAgain, "", true);
    }

    /**
     * H2 used to write a commit up to 500 ms later: a kill -9 in that window undid the record of a
     * delivery and the restart posted it again. With WRITE_DELAY=0 the record is in the file when
     * the commit returns.
     */
    @Test
    void kill9AFewHundredMillisecondsAfterADelivery_theRestartDoesNotPostItAgain() {
        world = startWorld();
        AgentProcess first = world.startAgent().awaitReady();
        removeFromNs3(world, TOKEN);
        await("the firing post").atMost(FIRING_LIMIT).pollInterval(Duration.ofMillis(20))
                .until(() -> !WebhookMessages.firing(world.slack(), HEALTHY).isEmpty());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        first.kill9();

        AgentProcess second = world.startAgent().awaitReady();

        stillAfterAnotherSweep(() -> assertThat(WebhookMessages.about(world.slack(), HEALTHY))
                .as(describe(second)).hasSize(1));
    }

    @Test
    void unreadableStateFile_isRefusedWithExit3AndWhatToDo_andLeftAsItIs() throws Exception {
        world = startWorld();
        Path file = Path.of(world.statePath() + ".mv.db");
        byte[] garbage = garbage(file);

        AgentProcess agent = world.startAgent();

        assertThat(agent.awaitExit()).as(agent.output()).isEqualTo(3);
        assertThat(agent.output()).contains("dkim-agent run: cannot start: the state file " + file
                        + " exists but cannot be opened as a dkim-agent state")
                .contains("it is left as it is").contains("--move-aside-unreadable-state")
                .doesNotContain("Exception in thread");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(world.slack().requests()).isEmpty();
    }

    @Test
    void unreadableStateFile_withMoveAsideAsked_isMovedAsideLoudly_andTheAgentStartsEmpty() throws Exception {
        world = startWorld();
        Path file = Path.of(world.statePath() + ".mv.db");
        byte[] garbage = garbage(file);

        AgentProcess agent = world.startAgent(List.of(), List.of("--move-aside-unreadable-state")).awaitReady();

        assertThat(agent.output()).contains("MOVED ASIDE the unreadable state file " + file);
        assertThat(agent.metrics().value("dkim_state_store_moved_aside_total")).isEqualTo(1.0);
        assertThat(agent.metrics().value("dkim_state_store_up")).isEqualTo(1.0);
        try (var aside = Files.list(file.getParent())) {
            Path moved = aside.filter(p -> p.getFileName().toString().startsWith("dkim-agent.mv.db.unreadable-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no moved-aside file; " + agent.output()));
            assertThat(Files.readAllBytes(moved)).isEqualTo(garbage);
        }
    }

    private static DaemonWorld startWorld() {
        DaemonWorld world = DaemonWorld.start(PREFIX, builder -> builder);
        world.sesHealthy();
        return world;
    }

    /**
     * healthy.test fires (one post); the fault starts and the agent reports it; the record is
     * repaired while the fault lasts (nothing may be posted: it could not be recorded); the fault
     * clears; the agent reopens its store by itself and posts the resolution, once, and never
     * the firing message again.
     */
    private void faultAndRecovery(AgentProcess agent, Runnable fault, Runnable clear, String reason,
                                  boolean absolute) {
        removeFromNs3(world, TOKEN);
        awaitFiring(world, agent, HEALTHY, 1, FIRING_LIMIT);

        fault.run();
        explained(agent, () -> awaitDown(agent, reason));
        restoreNs3(world);
        if (absolute) {
            explained(agent, () -> await("still down, nothing posted, over two sweeps")
                    .pollDelay(INTERVAL.multipliedBy(2)).atMost(INTERVAL.multipliedBy(3)).untilAsserted(() -> {
                        assertThat(agent.get("/readyz").status()).isEqualTo(503);
                        assertThat(WebhookMessages.about(world.slack(), HEALTHY)).hasSize(1);
                    }));
        }

        clear.run();
        explained(agent, () -> await("store reopened").atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> agent.get("/readyz").status() == 200));
        assertThat(agent.metrics().value("dkim_state_store_up")).isEqualTo(1.0);
        explained(agent, () -> await("the resolution posted").atMost(FIRING_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !WebhookMessages.resolved(world.slack(), HEALTHY).isEmpty()));
        stillAfterAnotherSweep(() -> {
            assertThat(WebhookMessages.firing(world.slack(), HEALTHY)).as(describe(agent)).hasSize(1);
            assertThat(WebhookMessages.resolved(world.slack(), HEALTHY)).as(describe(agent)).hasSize(1);
            assertThat(world.slack().requests().stream().map(Request::body)).as("no post repeated; " + describe(agent))
                    .doesNotHaveDuplicates();
        });
        assertThat(agent.isAlive()).isTrue();
        assertThat(agent.output()).contains("is DOWN").contains("reopened and writable again");
    }

    /** A wait that fails with the Slack posts and the agent's output, not just its alias. */
    private void explained(AgentProcess agent, Runnable wait) {
        try {
            wait.run();
        } catch (org.awaitility.core.ConditionTimeoutException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + describe(agent), e);
        }
    }

    private static void awaitDown(AgentProcess agent, String reason) {
        await("/readyz 503 (" + reason + ") and dkim_state_store_up 0").atMost(DOWN_LIMIT)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    AgentProcess.Reply ready = agent.get("/readyz");
                    return ready.status() == 503 && ready.body().contains(DOWN) && ready.body().contains(reason)
                            && agent.metrics().value("dkim_state_store_up") == 0.0;
                });
    }

    private String describe(AgentProcess agent) {
        return WebhookMessages.describe(world.slack()) + "\n" + agent.output();
    }

    private static byte[] garbage(Path file) throws Exception {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return bytes;
    }
}
