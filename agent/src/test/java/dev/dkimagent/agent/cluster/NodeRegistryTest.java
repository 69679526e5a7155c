package dev.dkimagent.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dkimagent.agent.alert.MutableClock;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.testworld.Postgres;
import dev.dkimagent.agent.testworld.PostgresCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Check-ins on a real PostgreSQL through the store's own pool; several registries stand for several nodes. */
class NodeRegistryTest {
    private static final Duration CHECK_IN = Duration.ofSeconds(2);
    private static final ConfigHash SETTINGS_A = new ConfigHash("1.0.0", "a".repeat(64));
    private static final ConfigHash SETTINGS_B = new ConfigHash("1.0.0", "b".repeat(64));

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(NodeRegistry.class);
    private Store store;

    @BeforeEach
    void openStore() throws Exception {
        store = Store.open(POSTGRES.get().newDatabase(), Postgres.USER, "");
        createClusterNodeTable();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() {
        logger.detachAppender(log);
        store.close();
    }

    @Test
    void checkIn_writesThisNodesRow() throws Exception {
        Instant started = clock.instant();
        NodeRegistry a = node("agent-a", SETTINGS_A);
        clock.advance(Duration.ofSeconds(5));

        a.checkIn();

        assertThat(rows()).containsExactly(new NodeRow("agent-a", "1.0.0", SETTINGS_A.sha256(), started,
                clock.instant()));
    }

    @Test
    void nodesWithTheSameSettings_agree_andNothingIsLogged() throws Exception {
        NodeRegistry a = node("agent-a", SETTINGS_A);
        NodeRegistry b = node("agent-b", SETTINGS_A);

        a.checkIn();
        b.checkIn();
        a.checkIn();

        assertThat(a.mismatches()).isZero();
        assertThat(b.mismatches()).isZero();
        assertThat(log.list).isEmpty();
    }

    @Test
    void aNodeWithOtherSettings_isCountedByEveryOther_andWarnedOncePerChange() throws Exception {
        NodeRegistry a = node("agent-a", SETTINGS_A);
        NodeRegistry b = node("agent-b", SETTINGS_A);
        NodeRegistry c = node("agent-c", SETTINGS_B);
        a.checkIn();
        b.checkIn();
        c.checkIn();

        a.checkIn();
        a.checkIn();

        assertThat(a.mismatches()).isEqualTo(1);
        assertThat(c.mismatches()).isEqualTo(2);
        assertThat(warnings()).containsExactly(
                "cluster nodes disagree: this node agent-c runs version 1.0.0 with settings bbbbbbbbbbbb, but agent-a"
                        + " (version 1.0.0, settings aaaaaaaaaaaa), agent-b (version 1.0.0, settings aaaaaaaaaaaa)."
                        + " Nodes with other settings judge and alert differently; roll the same version and"
                        + " configuration out to every node (docs/operations.md, \"Cluster\")",
                "cluster nodes disagree: this node agent-a runs version 1.0.0 with settings aaaaaaaaaaaa, but agent-c"
                        + " (version 1.0.0, settings bbbbbbbbbbbb). Nodes with other settings judge and alert"
                        + " differently; roll the same version and configuration out to every node"
                        + " (docs/operations.md, \"Cluster\")");
    }

    @Test
    void anotherVersion_withTheSameSettings_isAMismatch() throws Exception {
        NodeRegistry a = node("agent-a", SETTINGS_A);
        NodeRegistry b = node("agent-b", new ConfigHash("1.1.0", SETTINGS_A.sha256()));
        b.checkIn();

        a.checkIn();

        assertThat(a.mismatches()).isEqualTo(1);
        assertThat(warnings()).singleElement().asString().contains("agent-b (version 1.1.0, settings aaaaaaaaaaaa)");
    }

    @Test
    void aDifferingNodeSilentForThreeCheckIns_isNoLongerCounted_andAgreementIsLogged() throws Exception {
        NodeRegistry a = node("agent-a", SETTINGS_A);
        NodeRegistry c = node("agent-c", SETTINGS_B);
        c.checkIn();
        a.checkIn();
        assertThat(a.mismatches()).isEqualTo(1);

        clock.advance(CHECK_IN.multipliedBy(NodeRegistry.LIVE_CHECK_INS));
        a.checkIn();
        assertThat(a.mismatches()).as("seen exactly three check-ins ago: still live").isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        a.checkIn();
        assertThat(a.mismatches()).isZero();
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(log.list.get(1).getFormattedMessage()).isEqualTo(
                "cluster settings agree again: every live node runs version 1.0.0 with settings aaaaaaaaaaaa");
    }

    @Test
    void aRestartedNode_keepsOneRow_withItsNewStartAndSettings() throws Exception {
        node("agent-a", SETTINGS_A).checkIn();
        clock.advance(Duration.ofMinutes(1));
        Instant restarted = clock.instant();

        node("agent-a", SETTINGS_B).checkIn();

        assertThat(rows()).containsExactly(new NodeRow("agent-a", "1.0.0", SETTINGS_B.sha256(), restarted,
                restarted));
    }

    @Test
    void aFailedCheckIn_isRolledBack_andTheNextOneWorks() throws Exception {
        NodeRegistry a = node("agent-a", SETTINGS_A);
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE cluster_node RENAME TO cluster_node_away");
            c.commit();
        }
        assertThatThrownBy(a::checkIn).isInstanceOf(SQLException.class);
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE cluster_node_away RENAME TO cluster_node");
            c.commit();
        }

        a.checkIn();

        assertThat(rows()).extracting(NodeRow::nodeId).containsExactly("agent-a");
    }

    private NodeRegistry node(String id, ConfigHash hash) {
        return new NodeRegistry(store::dataSource, id, hash, clock, CHECK_IN, null);
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private List<NodeRow> rows() throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT node_id, version, config_hash, started_at, seen_at"
                     + " FROM cluster_node ORDER BY node_id")) {
            List<NodeRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new NodeRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
            c.commit();
            return rows;
        }
    }

    /** The table as wave 3's contract defines it (the cluster migration creates it; IF NOT EXISTS once it does). */
    private void createClusterNodeTable() throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS cluster_node (node_id VARCHAR(64) PRIMARY KEY,"
                    + " version VARCHAR(64) NOT NULL, config_hash VARCHAR(64) NOT NULL,"
                    + " started_at TIMESTAMP WITH TIME ZONE NOT NULL, seen_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            c.commit();
        }
    }
}
