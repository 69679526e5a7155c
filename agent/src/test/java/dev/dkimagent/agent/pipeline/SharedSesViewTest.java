package dev.dkimagent.agent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.StoredFormatException;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.inventory.ses.SesOptions;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.agent.store.TestDatabase;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SES view lives in the database: a node that never scanned SES (another node of a cluster,
 * or this agent after a restart) judges with exactly the view the scanning node judged with, and
 * a scan on one node keeps what an earlier scan on another node saw of an account and region it
 * cannot read now (MON01). Against the SES stub speaking the v1/v2 wire formats; the same tests
 * on H2 and PostgreSQL.
 */
abstract class SharedSesViewTest {
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final Instant JUDGED_AT = Instant.parse("2026-12-01T12:00:00Z");

    private final AwsSesStub stub = AwsSesStub.start();
    private final List<Node> nodes = new ArrayList<>();
    TestDatabase db;

    /** A fresh, empty database for one test. */
    abstract TestDatabase freshDatabase();

    /**
     * Whether two stores may be open on the database at once. Not on PostgreSQL while the store
     * takes its single-writer lock (cluster mode lifts it): there, node B opens when node A has
     * stopped, as after a failover.
     */
    abstract boolean storesOpenTogether();

    /** How a node opens the state (on PostgreSQL as cluster mode does, so nodes share it). */
    Store openNode() throws Exception {
        return db.open();
    }

    @BeforeEach
    void createDatabase() {
        db = freshDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Node::close);
        stub.close();
        dropDatabase();
    }

    /** Frees what the database holds beyond its stores (an in-memory H2 kept open for restarts). */
    void dropDatabase() throws Exception {
    }

    /**
     * The node to work on next: {@code to} (still open) where stores may be open together, else a
     * new node opened once {@code from} has stopped, as after a failover or a restart.
     */
    private Node switchTo(Node from, Node to) throws Exception {
        if (storesOpenTogether()) {
            return to != null ? to : new Node();
        }
        from.close();
        return new Node();
    }

    @Test
    void reloadIfNewer_onANodeThatNeverScanned_knowsTheScansIdentitiesAndJudgesTheSameFindings() throws Exception {
        stub.domain("default", US, "a.test").status("TEMPORARY_FAILURE");
        stub.domain("default", EU, "b.test");
        Node a = new Node();
        a.refresh.runOnce();
        Judged onA = a.judged();
        assertThat(onA.identities()).extracting(Identity::name).containsExactly("a.test", "b.test");
        assertThat(onA.findings()).extracting(v -> v.finding().tag()).contains("SES_DKIM_TEMPORARY_FAILURE");

        Node b = switchTo(a, null);
        assertThat(b.inventory.identities()).as("before the reload").isEmpty();

        assertThat(b.shared.reloadIfNewer()).isTrue();

        assertThat(b.judged()).isEqualTo(onA);
        assertThat(b.shared.sequence()).isEqualTo(1);
        SesView held = b.inventory.sesView();
        assertThat(b.shared.reloadIfNewer()).as("unchanged").isFalse();
        assertThat(b.inventory.sesView()).as("not read again").isSameAs(held);
    }

    @Test
    void reloadIfNewer_afterTheOtherNodeScansAgain_takesTheNewScanWithTheMemoryItWasJudgedAgainst()
            throws Exception {
        stub.domain("default", US, "a.test").tokens("t1", "t2", "t3");
        Node a = new Node();
        a.refresh.runOnce();
        Node b = switchTo(a, null);
        assertThat(b.shared.reloadIfNewer()).isTrue();

        stub.domain("default", US, "a.test").tokens("n1", "n2", "n3");
        a = switchTo(b, a);
        a.refresh.runOnce();
        Judged onA = a.judged();
        b = switchTo(a, b);

        assertThat(b.shared.reloadIfNewer()).isTrue();

        assertThat(b.judged()).isEqualTo(onA);
        assertThat(b.shared.sequence()).isEqualTo(2);
        assertThat(selectors(b.inventory.identities())).containsExactly("n1", "n2", "n3");
        assertThat(b.judged().findings()).extracting(v -> v.finding().tag()).contains("TOKENS_CHANGED");
    }

    @Test
    void scanWithARegionUnreadable_onAnotherNode_keepsWhatTheEarlierScanSawThere_onEveryNode() throws Exception {
        stub.domain("default", US, "a.test");
        stub.domain("default", EU, "b.test").tokens("e1", "e2", "e3");
        Node a = new Node();
        a.refresh.runOnce();

        stub.throttle("default", EU, AwsSesStub.LIST_IDENTITIES, Integer.MAX_VALUE);
        Node b = switchTo(a, null);
        b.refresh.runOnce();

        Judged onB = b.judged();
        assertThat(onB.view().errors()).extracting(SesApiError::region).containsExactly(EU);
        assertThat(onB.view().states()).extracting(SesIdentityState::identity, SesIdentityState::region)
                .as("EU's state from node A's scan, carried over").contains(tuple("b.test", EU));
        assertThat(selectors(onB.identities())).as("b.test's records stay in the check").contains("e1", "e2", "e3");
        assertThat(onB.findings()).extracting(v -> v.finding().rule()).contains("MON01");

        a = switchTo(b, a);
        assertThat(a.shared.reloadIfNewer()).isTrue();
        assertThat(a.judged()).isEqualTo(onB);
    }

    @Test
    void restartedAgent_startsFromTheStoredView_andItsFirstScanStillCountsAsTheFirst() throws Exception {
        stub.domain("default", US, "a.test");
        Node before = new Node();
        assertThat(before.refresh.runOnce()).isTrue();
        Judged judged = before.judged();
        before.close();

        Node restarted = new Node();
        assertThat(restarted.shared.reloadIfNewer()).as("at start").isTrue();

        assertThat(restarted.judged()).as("SES identities known before the first scan").isEqualTo(judged);
        assertThat(restarted.refresh.runOnce()).as("this process's first scan: it starts the first DNS sweep")
                .isTrue();
        assertThat(restarted.refresh.runOnce()).isFalse();
    }

    @Test
    void storedViewInAFormatThisAgentDoesNotKnow_isRefusedLoudly_andTheNextScanReplacesIt() throws Exception {
        stub.domain("default", US, "a.test");
        Node a = new Node();
        a.refresh.runOnce();
        tamper("UPDATE ses_view SET view_format = 99");
        Node b = switchTo(a, null);

        assertThatThrownBy(b.shared::reloadIfNewer)
                .isInstanceOf(StoredFormatException.class)
                .hasMessageStartingWith("stored SES view (ses_view row (scan 1, scanned at ")
                .hasMessageContaining("has format version 99; this agent reads version 1 only");
        assertThat(b.inventory.identities()).as("nothing taken from it").isEmpty();

        assertThat(b.refresh.runOnce()).isTrue();

        assertThat(b.shared.sequence()).isEqualTo(2);
        Judged onB = b.judged();
        Node c = switchTo(b, null);
        assertThat(c.shared.reloadIfNewer()).isTrue();
        assertThat(c.judged()).isEqualTo(onB);
    }

    /** What a node judges SES with: the identities to check and the SES rules' findings. */
    record Judged(List<Identity> identities, SesView view, List<Verdict> findings) {
    }

    /** One agent: its own store on the shared database, inventory, shared view and SES scanner. */
    private final class Node implements AutoCloseable {
        final Store store;
        final CombinedInventory inventory = new CombinedInventory(List.of());
        final SharedSesView shared;
        final SesInventory ses;
        final SesRefresh refresh;
        private boolean closed;

        Node() throws Exception {
            nodes.add(this);
            store = openNode();
            shared = new SharedSesView(new AlertStateStore(store), inventory);
            ses = new SesInventory(options(), stub.baseCredentials(), Clock.systemUTC(), e -> { });
            refresh = new SesRefresh(ses, shared, new AgentMetrics("test"), Clock.systemUTC());
        }

        Judged judged() {
            SesView view = inventory.sesView();
            Snapshot snapshot = new Snapshot(JUDGED_AT, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), view);
            List<Verdict> findings = new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(),
                    Messages.load()).evaluate(snapshot);
            return new Judged(inventory.identities(), view, findings);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                ses.close();
                store.close();
            }
        }
    }

    private SesOptions options() {
        return new SesOptions(List.of(US, EU), stub.endpoint(), stub.endpoint(), List.of(), List.of(), List.of(), 1000,
                Duration.ofHours(6), 50, Duration.ofSeconds(20), Duration.ofSeconds(1));
    }

    private void tamper(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> selectors(List<Identity> identities) {
        return identities.stream().flatMap(i -> i.records().stream()).map(ExpectedRecord::selector).toList();
    }
}
