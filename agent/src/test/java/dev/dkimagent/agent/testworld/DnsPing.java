package dev.dkimagent.agent.testworld;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * One UDP query with a blocking socket, for readiness checks. Deliberately not dnsjava's
 * resolver: its NIO timeouts are checked once a second and are tuned by a JVM-wide property.
 */
public final class DnsPing {
    private static final int TIMEOUT_MILLIS = 250;

    private DnsPing() {
    }

    /** The reply to {@code name type}, or empty if nothing (parsable, with our ID) came back in time. */
    public static Optional<Message> ask(String address, int port, String name, int type, boolean recursionDesired) {
        Message query = Message.newQuery(Record.newRecord(absolute(name), type, DClass.IN));
        if (!recursionDesired) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        byte[] wire = query.toWire();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            // connected: a port nobody listens on fails at once (ICMP) instead of timing out
            socket.connect(new InetSocketAddress(InetAddress.getByName(address), port));
            socket.send(new DatagramPacket(wire, wire.length));
            byte[] buffer = new byte[65535];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            Message message = new Message(java.util.Arrays.copyOf(buffer, reply.getLength()));
            return message.getHeader().getID() == query.getHeader().getID() ? Optional.of(message) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not listening yet, timed out, or garbage: "no answer"
        }
    }

    static Name absolute(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + name, e);
        }
    }
}
