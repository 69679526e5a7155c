package dev.dkimagent.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/** The listener on real UDP and TCP sockets, spoken to by dnsjava's resolver as a primary would. */
class NotifyListenerTest {
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg==";
    private static final String OTHER_SECRET = "b3RoZXItb3RoZXItb3RoZXItb3RoZXItb3RoZXIzMg==";
    private final RecordingEvents events = new RecordingEvents();
    private final List<String> notified = new CopyOnWriteArrayList<>();
    private NotifyListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void notifyForWatchedZone_overUdp_getsRfc1996Reply_andAsksForRecheckWithSerial() throws Exception {
        start(List.of("127.0.0.0/8"), NotifyKeys.none());
        Message notify = notify("mycompany.test.", 2026120601L);

        Message reply = udp().send(notify);

        assertThat(reply.getHeader().getID()).isEqualTo(notify.getHeader().getID());
        assertThat(reply.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
        assertThat(reply.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getQuestion()).isEqualTo(notify.getQuestion());
        assertThat(notified).containsExactly("mycompany.test@2026120601");
        assertThat(events.received).containsExactly("mycompany.test/accepted");
    }

    @Test
    void notifyOverTcp_isAnsweredAlike() throws Exception {
        start(List.of("127.0.0.1"), NotifyKeys.none());
        SimpleResolver tcp = udp();
        tcp.setTCP(true);
        tcp.setPort(listener.tcpAddresses().get(0).getPort());

        Message reply = tcp.send(notify("MyCompany.Test.", 7));

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(notified).containsExactly("mycompany.test@7");
    }

    @Test
    void notifyForZoneNotWatched_isNotAuth_andTriggersNothing() throws Exception {
        start(List.of("127.0.0.0/8"), NotifyKeys.none());

        Message reply = udp().send(notify("elsewhere.test.", 1));

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(reply.getQuestion().getName()).isEqualTo(Name.fromString("elsewhere.test."));
        assertThat(notified).isEmpty();
        assertThat(events.received).containsExactly("other/unknown_zone");
    }

    @Test
    void ordinaryQuery_isNotImp() throws Exception {
        start(List.of("127.0.0.0/8"), NotifyKeys.none());

        Message reply = udp().send(Message.newQuery(Record.newRecord(Name.fromString("mycompany.test."), Type.SOA,
                DClass.IN)));

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOTIMP);
        assertThat(notified).isEmpty();
        assertThat(events.received).containsExactly("other/not_implemented");
    }

    @Test
    void sourceOutsideAllow_isRefused_evenForWatchedZone() throws Exception {
        start(List.of("10.0.0.0/8", "2001:db8::/32"), NotifyKeys.none());

        Message reply = udp().send(notify("mycompany.test.", 1));

        assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(notified).isEmpty();
        assertThat(events.received).containsExactly("other/refused_source");
    }

    @Test
    void signedWithConfiguredKey_isAccepted_andTheReplyIsSigned() throws Exception {
        start(List.of("127.0.0.0/8"), keys());
        SimpleResolver resolver = udp();
        resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, Name.fromString("agent-notify."), SECRET));

        Message reply = resolver.send(notify("mycompany.test.", 3));

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.isSigned()).isTrue();
        assertThat(reply.isVerified()).isTrue();
        assertThat(notified).containsExactly("mycompany.test@3");
    }

    @Test
    void wrongSecret_isNotAuthWithBadSig_andTriggersNothing() throws Exception {
        start(List.of("127.0.0.0/8"), keys());
        Message notify = notify("mycompany.test.", 3);
        new TSIG(TSIG.HMAC_SHA256, Name.fromString("agent-notify."), OTHER_SECRET).apply(notify, null);

        Message reply = raw(notify.toWire());

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOTAUTH);
        TSIGRecord tsig = reply.getTSIG();
        assertThat(tsig).isNotNull();
        assertThat(tsig.getError()).isEqualTo(Rcode.BADSIG);
        assertThat(notified).isEmpty();
        assertThat(events.received).containsExactly("other/bad_tsig");
    }

    @Test
    void unknownKeyName_isNotAuthWithBadKey() throws Exception {
        start(List.of("127.0.0.0/8"), keys());
        Message notify = notify("mycompany.test.", 3);
        new TSIG(TSIG.HMAC_SHA256, Name.fromString("someone-else."), SECRET).apply(notify, null);

        Message reply = raw(notify.toWire());

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(reply.getTSIG().getError()).isEqualTo(Rcode.BADKEY);
        assertThat(notified).isEmpty();
    }

    @Test
    void unsignedWhenKeysAreConfigured_isRefused() throws Exception {
        start(List.of("127.0.0.0/8"), keys());

        Message reply = udp().send(notify("mycompany.test.", 3));

        assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(notified).isEmpty();
        assertThat(events.received).containsExactly("other/bad_tsig");
    }

    @Test
    void garbageAndResponses_getNoReply_areCounted_andTheListenerGoesOn() throws Exception {
        start(List.of("127.0.0.0/8"), NotifyKeys.none());
        Message response = notify("mycompany.test.", 1);
        response.getHeader().setFlag(Flags.QR);

        sendAndExpectNoReply(new byte[] {1, 2, 3});
        sendAndExpectNoReply(garbage());
        sendAndExpectNoReply(response.toWire());
        Message reply = udp().send(notify("mycompany.test.", 2));

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(events.received).contains("other/malformed", "mycompany.test/accepted");
        assertThat(notified).containsExactly("mycompany.test@2");
    }

    @Test
    void notifyWithTwoQuestionsOrNonSoa_isFormErr() throws Exception {
        start(List.of("127.0.0.0/8"), NotifyKeys.none());
        Message notify = new Message();
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.addRecord(Record.newRecord(Name.fromString("mycompany.test."), Type.A, DClass.IN), Section.QUESTION);

        Message reply = raw(notify.toWire());

        assertThat(reply.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(notified).isEmpty();
    }

    /** A NOTIFY header (TC clear) claiming 65535 questions, followed by a compression pointer to itself. */
    private static byte[] garbage() {
        byte[] wire = new byte[64];
        java.util.Arrays.fill(wire, (byte) 0xc0);
        byte[] header = {0x12, 0x34, 0x20, 0x00, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 12};
        System.arraycopy(header, 0, wire, 0, header.length);
        return wire;
    }

    private void start(List<String> allow, NotifyKeys keys) throws IOException {
        NotifyHandler handler = new NotifyHandler(allow.stream().map(Cidr::parse).toList(), keys,
                Set.of("mycompany.test")::contains,
                (zone, serial) -> notified.add(zone + (serial.isPresent() ? "@" + serial.getAsLong() : "")),
                events, System::nanoTime);
        listener = new NotifyListener(List.of(new InetSocketAddress("127.0.0.1", 0)), handler);
    }

    private static NotifyKeys keys() {
        return new NotifyKeys(List.of(new NotifyKey("agent-notify", "hmac-sha256", SECRET)));
    }

    private SimpleResolver udp() throws IOException {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
        resolver.setPort(listener.udpAddresses().get(0).getPort());
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    static Message notify(String zone, long serial) throws IOException {
        Name name = Name.fromString(zone);
        Message m = new Message();
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(Record.newRecord(name, Type.SOA, DClass.IN), Section.QUESTION);
        m.addRecord(new SOARecord(name, DClass.IN, 3600, Name.fromString("ns1." + zone),
                Name.fromString("hostmaster." + zone), serial, 3600, 600, 86400, 300), Section.ANSWER);
        return m;
    }

    private Message raw(byte[] wire) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(2000);
            socket.send(new DatagramPacket(wire, wire.length, listener.udpAddresses().get(0)));
            byte[] buffer = new byte[4096];
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            socket.receive(in);
            return new Message(java.util.Arrays.copyOf(buffer, in.getLength()));
        }
    }

    private void sendAndExpectNoReply(byte[] wire) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            socket.send(new DatagramPacket(wire, wire.length, listener.udpAddresses().get(0)));
            DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
            try {
                socket.receive(in);
                throw new AssertionError("expected no reply, got " + in.getLength() + " bytes");
            } catch (java.net.SocketTimeoutException expected) {
                // no reply, as it should be
            }
        }
    }
}
