package dev.dkimagent.agent.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A UDP socket connected to one server, shared by every query to it that is outstanding, told
 * apart by message id. Connected, so the kernel drops datagrams from any other source and reports
 * ICMP errors (port unreachable) to us. The kernel gives it a random ephemeral port; the
 * transport replaces it after {@link UdpTransport#ROTATE_AFTER} queries, so the port keeps
 * changing too. Loop thread only.
 */
final class UdpSocket implements Runnable {
    /** Ids of attempts that timed out lately: their late replies are dropped quietly. */
    private static final int LATE_IDS = 64;

    private final DnsLoop loop;
    private final DatagramChannel channel;
    private final SelectionKey key;
    private final ByteBuffer buffer;
    private final Map<Integer, UdpAttempt> pending = new HashMap<>();
    private final int[] late = new int[LATE_IDS];
    private int lateCount;
    private int used;

    private UdpSocket(DnsLoop loop, DatagramChannel channel, ByteBuffer buffer) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.buffer = buffer;
        this.key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
    }

    static UdpSocket open(InetSocketAddress server, DnsLoop loop, ByteBuffer buffer) throws IOException {
        DatagramChannel channel = DatagramChannel.open(server.getAddress() instanceof java.net.Inet6Address
                ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
        try {
            channel.configureBlocking(false);
            channel.bind(null);
            channel.connect(server);
            return new UdpSocket(loop, channel, buffer);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A random id no outstanding or lately timed-out attempt here uses. */
    int freeId(QueryIds ids) {
        while (true) {
            int id = ids.next();
            if (!pending.containsKey(id) && !isLate(id)) {
                return id;
            }
        }
    }

    /** Sends and registers the attempt; throws when the datagram could not go out. */
    void send(UdpAttempt attempt, byte[] wire) throws IOException {
        used++;
        if (channel.write(ByteBuffer.wrap(wire)) == 0) {
            throw new IOException("the socket's send buffer is full");
        }
        pending.put(attempt.id, attempt);
    }

    int used() {
        return used;
    }

    boolean idle() {
        return pending.isEmpty();
    }

    /** The attempt timed out: forget it, and remember its id for a while. */
    void timedOut(UdpAttempt attempt) {
        if (pending.remove(attempt.id, attempt)) {
            late[lateCount++ % LATE_IDS] = attempt.id;
        }
    }

    /** Readable: every datagram waiting, each to its attempt. */
    @Override
    public void run() {
        while (true) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (IOException e) {
                failAll(Failure.of(e));
                return;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            byte[] datagram = new byte[buffer.remaining()];
            buffer.get(datagram);
            dispatch(datagram);
        }
    }

    private void dispatch(byte[] datagram) {
        int id = datagram.length >= 2 ? ReplyReader.idOf(datagram) : -1;
        UdpAttempt attempt = datagram.length >= ReplyReader.HEADER_LENGTH ? pending.remove(id) : null;
        if (attempt != null) {
            loop.cancel(attempt);
            attempt.listener.udpReceived(datagram, id);
            return;
        }
        if (isLate(id)) {
            return;
        }
        boolean parses = ReplyReader.parses(datagram);
        pending.values().forEach(a -> a.sawForeign(parses, id));
    }

    /** Ends every outstanding attempt with this failure (ICMP error, close). */
    void failAll(Failure failure) {
        List<UdpAttempt> all = new ArrayList<>(pending.values());
        pending.clear();
        for (UdpAttempt a : all) {
            loop.cancel(a);
            a.listener.udpFailed(failure);
        }
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing left to tell anyone
        }
    }

    private boolean isLate(int id) {
        int n = Math.min(lateCount, LATE_IDS);
        for (int i = 0; i < n; i++) {
            if (late[i] == id) {
                return true;
            }
        }
        return false;
    }

}
