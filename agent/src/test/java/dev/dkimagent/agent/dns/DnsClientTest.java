package dev.dkimagent.agent.dns;

import static dev.dkimagent.agent.dns.FakeNameserver.rr;
import static dev.dkimagent.agent.dns.FakeNameserver.soa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.time.FakeTicker;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Transport;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

class DnsClientTest {
    private static final String CNAME_NAME = "t1._domainkey.a.test";
    private static final String CNAME_LINE = CNAME_NAME + ". 300 IN CNAME t1.dkim.amazonses.com.";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private FakeNameserver server() throws Exception {
        FakeNameserver ns = FakeNameserver.start();
        toClose.add(ns);
        return ns;
    }

    private DnsClient client(int attempts, int maxInFlight, int qps) {
        DnsClient c = new DnsClient(TestDns.settings(Duration.ofMillis(300), attempts, maxInFlight, qps), false,
                events::add);
        toClose.add(c);
        return c;
    }

    private DnsClient client() {
        return client(1, 64, 0);
    }

    private static Answer await(CompletableFuture<Answer> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void query_authoritativeAnswer_keepsRecordsAaAndRcode() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)));

        Answer a = await(client().query(ns.address(), "T1._domainkey.A.test.", "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.REPLY);
        assertThat(a.rcode()).isEqualTo(Answer.NOERROR);
        assertThat(a.authoritative()).isTrue();
        assertThat(a.records()).containsExactly(new Rr(CNAME_NAME, "CNAME", 300, "t1.dkim.amazonses.com"));
        assertThat(a.authoritySoa()).isNull();
        assertThat(a.detail()).isNull();
        assertThat(a.rttMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void query_direct_sendsRdClear_andRecursive_sendsRdSet() throws Exception {
        FakeNameserver ns = server().on("a.test", "SOA", Reply.answer(soa("a.test", 1)));
        DnsClient client = client();

        await(client.query(ns.address(), "a.test", "SOA", false));
        await(client.query(ns.address(), "a.test", "SOA", true));

        assertThat(ns.received()).extracting(FakeNameserver.Received::recursionDesired).containsExactly(false, true);
    }

    @Test
    void query_nxdomain_keepsRcodeAaAndAuthoritySoa() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.nxdomain(soa("a.test", 2026010101)));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.isNxdomain()).isTrue();
        assertThat(a.authoritative()).isTrue();
        assertThat(a.records()).isEmpty();
        assertThat(a.authoritySoa().serial()).isEqualTo(2026010101L);
        assertThat(a.authoritySoa().mname()).isEqualTo("ns1.a.test");
        assertThat(a.authoritySoa().negativeTtl()).isEqualTo(300);
    }

    @Test
    void query_nodata_isNoerrorWithoutRecordsAndWithSoa() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.nodata(soa("a.test", 7)));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.isNoData("CNAME")).isTrue();
        assertThat(a.authoritySoa().serial()).isEqualTo(7);
    }

    @Test
    void query_refused_isReplyWithRcodeRefused() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.withRcode(Rcode.REFUSED));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.REPLY);
        assertThat(a.rcode()).isEqualTo(Answer.REFUSED);
        assertThat(a.authoritative()).isFalse();
    }

    @Test
    void query_servfail_isReplyWithRcodeServfail() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.withRcode(Rcode.SERVFAIL));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.REPLY);
        assertThat(a.rcode()).isEqualTo(Answer.SERVFAIL);
    }

    @Test
    void query_formerr_isReplyWithRcodeFormerr() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.withRcode(Rcode.FORMERR));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.REPLY);
        assertThat(a.rcode()).isEqualTo(Answer.FORMERR);
    }

    @Test
    void query_notAuthoritative_keepsAaClear() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)).notAuthoritative());

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.isReply()).isTrue();
        assertThat(a.authoritative()).isFalse();
        assertThat(a.isAuthoritativeReply()).isFalse();
    }

    @Test
    void query_silentServer_timesOutAfterEveryAttempt() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.drop());

        Answer a = await(client(3, 64, 0).query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.TIMEOUT);
        assertThat(a.detail()).isEqualTo("timeout after 3 attempts of 300ms");
        assertThat(a.rttMillis()).isEqualTo(-1);
        assertThat(ns.queryCount(CNAME_NAME, "CNAME")).isEqualTo(3);
    }

    @Test
    void query_firstAttemptLost_retriesAndReturnsTheReply() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)).afterDropping(1));

        Answer a = await(client(3, 64, 0).query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.REPLY);
        assertThat(a.records()).hasSize(1);
        assertThat(ns.queryCount(CNAME_NAME, "CNAME")).isEqualTo(2);
    }

    @Test
    void query_closedPort_isNetworkError() throws Exception {
        String closed = closedUdpPort();

        Answer a = await(client(2, 64, 0).query(closed, CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.NETWORK_ERROR);
        assertThat(a.detail()).startsWith("network error: ").endsWith(", after 2 attempts");
    }

    @Test
    void query_garbageBytes_isMalformed() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.garbage());

        Answer a = await(client(3, 64, 0).query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.MALFORMED);
        assertThat(a.detail()).startsWith("malformed reply");
        assertThat(ns.queryCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void query_garbageAfterOurId_isMalformed() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.garbageWithOurId());

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.MALFORMED);
        assertThat(a.detail()).startsWith("malformed reply");
    }

    @Test
    void query_replyWithWrongId_isMismatch() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.wrongId(rr(CNAME_LINE)));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.MISMATCH);
        assertThat(a.detail()).contains("invalid message id");
    }

    @Test
    void query_foreignDatagramsBeforeTheReply_doNotEndTheQuery() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread responder = new Thread(() -> answerAfterForeignDatagrams(server));
            responder.setDaemon(true);
            responder.start();

            Answer a = await(client().query("127.0.0.1:" + server.getLocalPort(), CNAME_NAME, "CNAME", false));

            assertThat(a.transport()).as("a spoofed or stray datagram must not cut the real reply short")
                    .isEqualTo(Transport.REPLY);
            assertThat(a.records()).extracting(Rr::data).containsExactly("t1.dkim.amazonses.com");
        }
    }

    /** Reads one query, sends a reply with another id and bytes that are not DNS, then the real reply. */
    private static void answerAfterForeignDatagrams(DatagramSocket server) {
        try {
            java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[512], 512);
            server.receive(in);
            org.xbill.DNS.Message query = new org.xbill.DNS.Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
            org.xbill.DNS.Message reply = new org.xbill.DNS.Message(query.getHeader().getID());
            reply.getHeader().setFlag(org.xbill.DNS.Flags.QR);
            reply.getHeader().setFlag(org.xbill.DNS.Flags.AA);
            reply.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
            reply.addRecord(rr(CNAME_LINE), org.xbill.DNS.Section.ANSWER);
            byte[] real = reply.toWire();
            byte[] otherId = real.clone();
            otherId[1] ^= 1;
            byte[] garbage = {(byte) (real[0] ^ 0x55), 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7};
            for (byte[] out : List.of(otherId, garbage, real)) {
                server.send(new java.net.DatagramPacket(out, out.length, in.getSocketAddress()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void query_replyToAnotherQuestion_isMismatch() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.wrongQuestion(rr(CNAME_LINE)));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.MISMATCH);
        assertThat(a.detail()).contains("invalid name in message");
    }

    @Test
    void query_manyToOneServer_shareFewSocketsWhosePortChangesAfterTheirQuota() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)));
        DnsClient client = client(1, 64, 0);
        int queries = UdpTransport.ROTATE_AFTER * 2 + 10;

        List<CompletableFuture<Answer>> all = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            all.add(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        }
        for (CompletableFuture<Answer> f : all) {
            assertThat(await(f).transport()).isEqualTo(Transport.REPLY);
        }

        java.util.Map<Integer, List<Integer>> idsByPort = new java.util.HashMap<>();
        ns.received().forEach(r -> idsByPort.computeIfAbsent(r.sourcePort(), p -> new ArrayList<>()).add(r.id()));
        assertThat(idsByPort).as("one socket per %d queries, each on its own port", UdpTransport.ROTATE_AFTER)
                .hasSize(3);
        assertThat(idsByPort.values()).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(UdpTransport.ROTATE_AFTER));
        assertThat(idsByPort.values().stream().mapToLong(ids -> ids.stream().distinct().count()).sum())
                .as("random ids: a repeat on one port only after its earlier query ended, so nearly all distinct")
                .isGreaterThan(queries * 9L / 10);
    }

    @Test
    void query_truncatedOverUdp_retriesOverTcpAndReturnsFullAnswer() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)).truncatedOverUdp());

        Answer a = await(client().query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.REPLY);
        assertThat(a.records()).extracting(Rr::data).containsExactly("t1.dkim.amazonses.com");
        assertThat(ns.received()).extracting(FakeNameserver.Received::tcp).containsExactly(false, true);
        assertThat(ns.received()).extracting(FakeNameserver.Received::recursionDesired).containsOnly(false);
    }

    @Test
    void query_txtInTwoStrings_joinsThemIntoOneValue() throws Exception {
        String first = "v=DKIM1; k=rsa; p=" + "A".repeat(200);
        String second = "B".repeat(150);
        FakeNameserver ns = server().on("sel._domainkey.a.test", "TXT",
                Reply.answer(rr("sel._domainkey.a.test. 300 IN TXT \"" + first + "\" \"" + second + "\"")));

        Answer a = await(client().query(ns.address(), "sel._domainkey.a.test", "TXT", false));

        assertThat(a.recordsOfType("TXT")).extracting(Rr::data).containsExactly(first + second);
    }

    @Test
    void query_cnameAndTxtAtOneName_keepsBoth() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "TXT",
                Reply.answer(rr(CNAME_LINE), rr(CNAME_NAME + ". 300 IN TXT \"v=DKIM1; p=old\"")));

        Answer a = await(client().query(ns.address(), CNAME_NAME, "TXT", false));

        assertThat(a.records()).extracting(Rr::type).containsExactly("CNAME", "TXT");
        assertThat(a.recordsOfType("TXT")).extracting(Rr::data).containsExactly("v=DKIM1; p=old");
    }

    @Test
    void query_faultsInOneBatch_eachIsItsOwnObservation() throws Exception {
        List<Reply> replies = List.of(Reply.answer(rr(CNAME_LINE)), Reply.drop(), Reply.garbage(),
                Reply.wrongId(rr(CNAME_LINE)), Reply.withRcode(Rcode.SERVFAIL), Reply.withRcode(Rcode.REFUSED));
        List<String> addresses = new ArrayList<>();
        for (Reply r : replies) {
            addresses.add(server().on(CNAME_NAME, "CNAME", r).address());
        }
        addresses.add(closedUdpPort());
        DnsClient client = client(2, 64, 0);

        List<CompletableFuture<Answer>> batch = addresses.stream()
                .map(address -> client.query(address, CNAME_NAME, "CNAME", false)).toList();
        List<String> seen = new ArrayList<>();
        for (CompletableFuture<Answer> f : batch) {
            Answer a = await(f);
            seen.add(a.transport() + (a.isReply() ? "/" + Rcode.string(a.rcode()) : ""));
        }

        assertThat(seen).containsExactly("REPLY/NOERROR", "TIMEOUT", "MALFORMED", "MISMATCH", "REPLY/SERVFAIL",
                "REPLY/REFUSED", "NETWORK_ERROR");
        assertThat(batch.get(0).get().records()).hasSize(1);
    }

    @Test
    void query_everyFinishedQuery_firesOneEvent() throws Exception {
        FakeNameserver ok = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)));
        FakeNameserver silent = server().on(CNAME_NAME, "CNAME", Reply.drop());
        DnsClient client = client(2, 64, 0);

        await(client.query(ok.address(), CNAME_NAME, "CNAME", false));
        await(client.query(silent.address(), CNAME_NAME, "CNAME", false));

        assertThat(events).extracting(QueryEvent::address, QueryEvent::type, QueryEvent::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ok.address(), "CNAME", QueryOutcome.NOERROR),
                        org.assertj.core.groups.Tuple.tuple(silent.address(), "CNAME", QueryOutcome.TIMEOUT));
        assertThat(events.get(1).rttMillis()).isEqualTo(-1);
    }

    @Test
    void query_events_carryTheRcodeWordAndWhetherTheQueryWasRecursive() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.withRcode(Rcode.SERVFAIL))
                .otherwise(Reply.withRcode(Rcode.NXDOMAIN));
        DnsClient client = client();

        await(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        await(client.query(ns.address(), "nope.a.test", "TXT", true));

        assertThat(events).extracting(QueryEvent::outcome, QueryEvent::recursive)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QueryOutcome.SERVFAIL, false),
                        org.assertj.core.groups.Tuple.tuple(QueryOutcome.NXDOMAIN, true));
    }

    @Test
    void query_badAddressOrType_completesAsFailureWithoutThrowing() throws Exception {
        DnsClient client = client();

        Answer host = await(client.query("ns1.example.com", CNAME_NAME, "CNAME", false));
        Answer type = await(client.query("127.0.0.1:53", CNAME_NAME, "NOPE", false));

        assertThat(host.transport()).isEqualTo(Transport.NETWORK_ERROR);
        assertThat(host.detail()).contains("not sent").contains("ns1.example.com");
        assertThat(type.detail()).contains("not sent").contains("NOPE");
    }

    @Test
    void query_afterClose_completesAsFailure() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)));
        DnsClient client = client();
        client.close();

        Answer a = await(client.query(ns.address(), CNAME_NAME, "CNAME", false));

        assertThat(a.transport()).isEqualTo(Transport.NETWORK_ERROR);
        assertThat(a.detail()).contains("closed");
    }

    @Test
    void close_withQueriesQueued_completesEveryOneOfThem() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME",
                Reply.answer(rr(CNAME_LINE)).delayed(Duration.ofMillis(100)));
        DnsClient client = client(1, 1, 0);
        List<CompletableFuture<Answer>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        }

        client.close();

        List<String> details = new ArrayList<>();
        for (CompletableFuture<Answer> f : all) {
            details.add(String.valueOf(await(f).detail()));
        }
        assertThat(details).as("every one completes: the one in flight may have got its reply")
                .allMatch(d -> d.equals("not sent: the DNS client is closed") || d.equals("null"));
        assertThat(details).filteredOn(d -> d.contains("closed")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void query_manyAtOnce_neverExceedsMaxInFlight() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME",
                Reply.answer(rr(CNAME_LINE)).delayed(Duration.ofMillis(40)));
        DnsClient client = client(1, 4, 0);

        List<CompletableFuture<Answer>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        }
        for (CompletableFuture<Answer> f : all) {
            assertThat(await(f).transport()).isEqualTo(Transport.REPLY);
        }

        assertThat(ns.queryCount()).isEqualTo(50);
        assertThat(ns.maxOutstanding()).isBetween(2, 4);
    }

    @Test
    void query_perNameserverQps_sendsOneQueryPerIntervalAsTimeAdvances() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)));
        FakeTicker ticker = new FakeTicker();
        DnsClient client = pacedClient(TestDns.settings(Duration.ofSeconds(10), 1, 64, 20, 1000), ticker);

        List<CompletableFuture<Answer>> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        }

        assertOneMorePerInterval(ns, ticker, 10, TimeUnit.MILLISECONDS.toNanos(50));
        for (CompletableFuture<Answer> f : all) {
            assertThat(await(f).transport()).isEqualTo(Transport.REPLY);
        }
    }

    /** A client on a fake clock: pacing delays end only when the test moves the clock. */
    private DnsClient pacedClient(dev.dkimagent.agent.config.DnsSettings settings, FakeTicker ticker) {
        DnsClient c = new DnsClient(settings, false, events::add, ticker);
        toClose.add(c);
        return c;
    }

    /** Before each step of the clock exactly one more query has reached the server, never two. */
    private static void assertOneMorePerInterval(FakeNameserver ns, FakeTicker ticker, int queries, long interval) {
        for (int expected = 1; expected <= queries; expected++) {
            int n = expected;
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ns.queryCount() >= n);
            assertThat(ns.queryCount()).as("queries at the server before the clock moves past slot " + n)
                    .isEqualTo(n);
            ticker.advance(interval);
        }
    }

    @Test
    void query_deadServerInBatchWithHealthyOne_healthyAnswersArriveWhileDeadTimesOut() throws Exception {
        FakeNameserver dead = server().otherwise(Reply.drop());
        FakeNameserver healthy = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)));
        DnsClient client = new DnsClient(TestDns.settings(Duration.ofSeconds(1), 1, 16, 0), false, events::add);
        toClose.add(client);

        List<CompletableFuture<Answer>> toDead = new ArrayList<>();
        List<CompletableFuture<Answer>> toHealthy = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            toDead.add(client.query(dead.address(), CNAME_NAME, "CNAME", false));
        }
        for (int i = 0; i < 100; i++) {
            toHealthy.add(client.query(healthy.address(), CNAME_NAME, "CNAME", false));
        }
        for (CompletableFuture<Answer> f : toHealthy) {
            assertThat(await(f).transport()).isEqualTo(Transport.REPLY);
        }

        assertThat(toDead).as("the dead server's first queries are still waiting for their timeout")
                .anyMatch(f -> !f.isDone());
        List<Answer> deadAnswers = new ArrayList<>();
        for (CompletableFuture<Answer> f : toDead) {
            deadAnswers.add(await(f));
        }
        assertThat(deadAnswers).allMatch(a -> a.transport() == Transport.TIMEOUT);
        assertThat(deadAnswers).extracting(Answer::detail)
                .contains("not sent: " + dead.address() + " did not answer the last 3 queries");
        assertThat(dead.queryCount()).as("per-address cap (8) + 3 before the breaker opened, and no more")
                .isLessThanOrEqualTo(client.settings().maxInFlightPerAddress() + AddressBreakers.TRIP_AFTER);
    }

    /** Three timeouts in a row, one query at a time: the breaker of the server's address is open. */
    private void openBreaker(DnsClient client, FakeNameserver ns) throws Exception {
        for (int i = 0; i < AddressBreakers.TRIP_AFTER; i++) {
            assertThat(await(client.query(ns.address(), CNAME_NAME, "CNAME", false)).transport())
                    .isEqualTo(Transport.TIMEOUT);
        }
        events.clear();
    }

    private static List<CompletableFuture<Answer>> batch(DnsClient client, FakeNameserver ns, int size) {
        List<CompletableFuture<Answer>> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        }
        return batch;
    }

    @Test
    void query_breakerOpenAndServerRecovered_wholeNextBatchWaitsForTheProbeAndGetsReplies() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME",
                Reply.answer(rr(CNAME_LINE)).afterDropping(AddressBreakers.TRIP_AFTER).delayed(Duration.ofMillis(100)));
        DnsClient client = client();
        openBreaker(client, ns);

        List<CompletableFuture<Answer>> batch = batch(client, ns, 20);
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> f : batch) {
            answers.add(await(f));
        }

        assertThat(answers).allMatch(a -> a.transport() == Transport.REPLY);
        assertThat(ns.queryCount()).as("3 lost, then the probe and the 19 that waited for it").isEqualTo(3 + 20);
        assertThat(events).extracting(QueryEvent::outcome).containsOnly(QueryOutcome.NOERROR).hasSize(20);
    }

    @Test
    void query_breakerOpenAndServerStillDead_batchEndsWithTheProbeUnsent() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.drop());
        DnsClient client = client();
        openBreaker(client, ns);

        List<CompletableFuture<Answer>> batch = batch(client, ns, 20);
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> f : batch) {
            answers.add(await(f));
        }

        assertThat(answers).allMatch(a -> a.transport() == Transport.TIMEOUT);
        assertThat(answers).extracting(Answer::detail)
                .containsOnlyOnce("timeout after 1 attempt of 300ms")
                .filteredOn(d -> d.startsWith("not sent"))
                .hasSize(19)
                .containsOnly("not sent: " + ns.address() + " did not answer the last 3 queries");
        assertThat(ns.queryCount()).as("3 lost, then only the probe").isEqualTo(3 + 1);
        assertThat(events).extracting(QueryEvent::outcome)
                .containsOnly(QueryOutcome.TIMEOUT, QueryOutcome.SKIPPED)
                .filteredOn(QueryOutcome.SKIPPED::equals).hasSize(19);
    }

    @Test
    void close_whileQueriesWaitForAProbe_completesThemAsFailures() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.drop());
        DnsClient client = client();
        openBreaker(client, ns);
        client.query(ns.address(), CNAME_NAME, "CNAME", false);
        List<CompletableFuture<Answer>> waiting = batch(client, ns, 3);

        client.close();

        for (CompletableFuture<Answer> f : waiting) {
            assertThat(await(f).detail()).isEqualTo("not sent: the DNS client is closed");
        }
    }

    @Test
    void query_timeoutsSeparatedByAReply_doNotOpenTheBreaker() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)).afterDropping(2))
                .on("other.a.test", "CNAME", Reply.drop());
        DnsClient client = client();
        await(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        await(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        await(client.query(ns.address(), CNAME_NAME, "CNAME", false));
        await(client.query(ns.address(), "other.a.test", "CNAME", false));
        await(client.query(ns.address(), "other.a.test", "CNAME", false));

        Answer a = await(client.query(ns.address(), "other.a.test", "CNAME", false));

        assertThat(a.detail()).isEqualTo("timeout after 1 attempt of 300ms");
        assertThat(ns.queryCount()).isEqualTo(6);
    }

    @Test
    void reserveSlot_directQueriesUseNameserverQps_recursiveOnesResolverQps() {
        DnsClient client = pacedClient(TestDns.settings(Duration.ofMillis(300), 1, 64, 1, 1000), new FakeTicker());

        client.reserveSlot("192.0.2.1", false);
        long secondDirect = client.reserveSlot("192.0.2.1", false);
        client.reserveSlot("192.0.2.1", true);
        long secondRecursive = client.reserveSlot("192.0.2.1", true);

        assertThat(secondDirect).as("1 qps: the next slot a second away").isEqualTo(1_000_000_000L);
        assertThat(secondRecursive).as("1000 qps: the next slot 1 ms away").isEqualTo(1_000_000L);
    }

    @Test
    void query_perResolverQps_pacesRecursiveQueriesToOneAddress() throws Exception {
        FakeNameserver ns = server().on(CNAME_NAME, "CNAME", Reply.answer(rr(CNAME_LINE)));
        FakeTicker ticker = new FakeTicker();
        DnsClient client = pacedClient(TestDns.settings(Duration.ofSeconds(10), 1, 64, 0, 20), ticker);

        List<CompletableFuture<Answer>> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(client.query(ns.address(), CNAME_NAME, "CNAME", true));
        }

        assertOneMorePerInterval(ns, ticker, 10, TimeUnit.MILLISECONDS.toNanos(50));
        for (CompletableFuture<Answer> f : all) {
            assertThat(await(f).transport()).isEqualTo(Transport.REPLY);
        }
    }

    /** A loopback UDP port nobody listens on: the kernel answers with ICMP port unreachable. */
    private static String closedUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }
}
