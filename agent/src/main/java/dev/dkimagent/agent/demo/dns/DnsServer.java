package dev.dkimagent.agent.demo.dns;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;

/**
 * A small embedded DNS server on 127.0.0.1, UDP and TCP on one free port, answering from zone data
 * through a {@link Responder}. Closing stops both listeners and waits for their threads.
 */
public final class DnsServer implements AutoCloseable {
    /** A UDP reply without EDNS fits 512 bytes (RFC 1035); larger ones are truncated (TC) for TCP. */
    static final int PLAIN_UDP_LIMIT = 512;
    private static final int BIND_ATTEMPTS = 20;

    private final String label;
    private final Responder responder;
    private final UdpListener udp;
    private final TcpListener tcp;

    private DnsServer(String label, Responder responder, DatagramSocket udpSocket, ServerSocket tcpSocket) {
        this.label = label;
        this.responder = responder;
        this.udp = new UdpListener(udpSocket, this::udpReply, label);
        this.tcp = new TcpListener(tcpSocket, this::tcpReply, label);
    }

    /** Starts a server named label (for thread names) on 127.0.0.1, a port free for UDP and TCP both. */
    public static DnsServer start(String label, List<Zone> zones, Responder.Role role) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            DatagramSocket udpSocket = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcpSocket = new ServerSocket(udpSocket.getLocalPort(), 16, loopback);
                return new DnsServer(label, new Responder(zones, role), udpSocket, tcpSocket);
            } catch (IOException portTakenForTcp) {
                udpSocket.close();
                last = portTakenForTcp;
            }
        }
        throw new IOException("no port on 127.0.0.1 free for both UDP and TCP for " + label, last);
    }

    /** Serves these zones from now on (the demo's secondary catching up on its transfer). */
    public void serve(List<Zone> zones) {
        responder.replace(zones);
    }

    public String label() {
        return label;
    }

    public int port() {
        return udp.port();
    }

    /** "127.0.0.1:port", the form dkim-agent's configuration takes. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    private byte[] udpReply(byte[] query) throws IOException {
        Message q = new Message(query);
        Message reply = responder.reply(q);
        OPTRecord edns = q.getOPT();
        if (edns == null) {
            return reply.toWire(PLAIN_UDP_LIMIT);
        }
        int limit = Math.max(PLAIN_UDP_LIMIT, edns.getPayloadSize());
        reply.addRecord(new OPTRecord(limit, 0, 0), Section.ADDITIONAL);
        return reply.toWire(limit);
    }

    private byte[] tcpReply(byte[] query) throws IOException {
        return responder.reply(new Message(query)).toWire();
    }

    @Override
    public void close() {
        udp.close();
        tcp.close();
    }
}
