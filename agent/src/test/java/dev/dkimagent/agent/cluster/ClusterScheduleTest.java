package dev.dkimagent.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dkimagent.agent.schedule.AgentScheduler;
import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.PostgresCluster;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * AgentScheduler in cluster mode on a real PostgreSQL: two nodes in one JVM share the shard jobs
 * (each shard on one node at a time, both nodes get work), and scheduling is idempotent across
 * nodes (the first creates, later ones find; a changed interval or count replaces or removes).
 */
class ClusterScheduleTest {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    private String url;

    /** One run of a shard job on a node. */
    record Run(String node, String shard, Instant start, Instant end) {
    }

    static final List<Run> RUNS = new CopyOnWriteArrayList<>();

    /** A node's shard job: records its run, which takes a while (so overlaps would show). */
    @DisallowConcurrentExecution
    public static final class RecordingJob implements Job {
        private final String node;

        RecordingJob(String node) {
            this.node = node;
        }

        @Override
        public void execute(JobExecutionContext context) {
            Instant start = Instant.now();
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RUNS.add(new Run(node, context.getJobDetail().getKey().getName(), start, Instant.now()));
        }
    }

    @BeforeEach
    void database() {
        url = POSTGRES.get().newDatabase();
        RUNS.clear();
    }

    @Test
    void twoNodes_shareTheShards_eachShardOnOneNodeAtATime() throws Exception {
        try (ClusterNodes nodes = new ClusterNodes(url)) {
            AgentScheduler a = nodes.scheduler("node-a", Map.of(RecordingJob.class, new RecordingJob("node-a")));
            AgentScheduler b = nodes.scheduler("node-b", Map.of(RecordingJob.class, new RecordingJob("node-b")));
            for (AgentScheduler s : List.of(a, b)) {
                s.everyPart(Shards.PREFIX, 4, RecordingJob.class, Duration.ofSeconds(1), Duration.ZERO);
                s.removeUnscheduled();
                s.start();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> RUNS.stream().map(Run::node).distinct().count() == 2
                    && shardsRun(3).size() == 4);
        }

        for (String shard : shardsRun(1)) {
            List<Run> runs = RUNS.stream().filter(r -> r.shard().equals(shard))
                    .sorted(Comparator.comparing(Run::start)).toList();
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i).start()).as(shard + " run " + i + " starts after run " + (i - 1) + " ended")
                        .isAfterOrEqualTo(runs.get(i - 1).end());
            }
        }
        assertThat(RUNS.stream().map(Run::node).distinct()).containsExactlyInAnyOrder("node-a", "node-b");
    }

    @Test
    void scheduling_isIdempotentAcrossNodes_andFollowsAChangedIntervalAndCount() throws Exception {
        Map<Class<? extends Job>, Job> jobs = Map.of(RecordingJob.class, new RecordingJob("n"));
        try (ClusterNodes nodes = new ClusterNodes(url)) {
            AgentScheduler first = nodes.scheduler("first", jobs);
            first.everyPart(Shards.PREFIX, 4, RecordingJob.class, Duration.ofMinutes(5), Duration.ofMinutes(1));
            first.removeUnscheduled();
            List<String> created = triggers();
            assertThat(created).containsExactly("shard-0 300000", "shard-1 300000", "shard-2 300000",
                    "shard-3 300000");
            List<Long> startTimes = startTimes();

            AgentScheduler second = nodes.scheduler("second", jobs);
            second.everyPart(Shards.PREFIX, 4, RecordingJob.class, Duration.ofMinutes(5), Duration.ofMinutes(1));
            second.removeUnscheduled();
            assertThat(triggers()).isEqualTo(created);
            assertThat(startTimes()).as("the later node found the triggers and left them").isEqualTo(startTimes);
            assertThat(recovering()).containsOnly(true);

            AgentScheduler changed = nodes.scheduler("changed", jobs);
            changed.everyPart(Shards.PREFIX, 2, RecordingJob.class, Duration.ofMinutes(2), Duration.ofMinutes(1));
            changed.removeUnscheduled();
            assertThat(triggers()).containsExactly("shard-0 120000", "shard-1 120000");
            assertThat(jobNames()).containsExactly("shard-0", "shard-1");
        }
    }

    /** The shards that ran at least {@code times} times. */
    private static Set<String> shardsRun(int times) {
        Set<String> out = new TreeSet<>();
        RUNS.stream().map(Run::shard).distinct()
                .filter(s -> RUNS.stream().filter(r -> r.shard().equals(s)).count() >= times).forEach(out::add);
        return out;
    }

    private List<String> triggers() throws Exception {
        return query("SELECT t.trigger_name || ' ' || s.repeat_interval FROM qrtz_triggers t JOIN qrtz_simple_triggers s"
                + " USING (sched_name, trigger_name, trigger_group) ORDER BY t.trigger_name");
    }

    private List<Long> startTimes() throws Exception {
        return query("SELECT start_time FROM qrtz_triggers ORDER BY trigger_name").stream().map(Long::valueOf).toList();
    }

    private List<Boolean> recovering() throws Exception {
        return query("SELECT requests_recovery FROM qrtz_job_details").stream().map(v -> v.equals("t")).toList();
    }

    private List<String> jobNames() throws Exception {
        return query("SELECT job_name FROM qrtz_job_details ORDER BY job_name");
    }

    private List<String> query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, "");
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
