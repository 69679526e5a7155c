package dev.dkimagent.agent.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UDP for the DNS client: one shared, connected {@link UdpSocket} per server address with queries
 * outstanding (instead of one socket per query), queries told apart by random message id. After
 * {@link #ROTATE_AFTER} queries a socket is retired (closed once its last attempt ends) and a
 * fresh one with a new random port takes over. Loop thread only, except {@link #holds}.
 */
final class UdpTransport {
    /** Queries per socket before it is replaced: port randomisation at a negligible cost (one open per 1,000 queries). */
    static final int ROTATE_AFTER = 1_000;
    private static final int MAX_DATAGRAM = 65_535;

    private final DnsLoop loop;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final QueryIds ids = new QueryIds();
    private final Map<String, UdpSocket> current = new ConcurrentHashMap<>();
    private final List<UdpSocket> retiring = new ArrayList<>();

    UdpTransport(DnsLoop loop) {
        this.loop = loop;
    }

    /**
     * Sends the query (its id is set here, in the array) to the server; the listener hears the
     * outcome on the loop, at the latest when timeoutNanos have passed. A send that fails is
     * reported at once.
     */
    void send(String address, InetSocketAddress server, byte[] wire, long timeoutNanos,
              UdpAttempt.Listener listener) {
        UdpSocket socket;
        try {
            socket = socketFor(address, server);
        } catch (IOException e) {
            listener.udpFailed(Failure.of(e));
            return;
        }
        int id = socket.freeId(ids);
        UdpAttempt attempt = new UdpAttempt(id, socket, listener);
        try {
            socket.send(attempt, QueryWire.withId(wire, id));
        } catch (IOException e) {
            listener.udpFailed(Failure.of(e));
            return;
        }
        loop.schedule(attempt, timeoutNanos);
    }

    /** Closes the address's socket if nothing is outstanding on it (eviction of an idle address), and drained retired ones. */
    void forget(String address) {
        UdpSocket socket = current.get(address);
        if (socket != null && socket.idle()) {
            current.remove(address);
            socket.close();
        }
        closeDrained();
    }

    /** True while a socket to the address is open (any thread; for tests). */
    boolean holds(String address) {
        return current.containsKey(address);
    }

    /** Closes retired sockets whose last attempt has ended. */
    void closeDrained() {
        retiring.removeIf(s -> {
            if (s.idle()) {
                s.close();
                return true;
            }
            return false;
        });
    }

    /** Ends every outstanding attempt with this failure and closes every socket. */
    void closeAll(Failure failure) {
        List<UdpSocket> all = new ArrayList<>(current.values());
        all.addAll(retiring);
        current.clear();
        retiring.clear();
        for (UdpSocket s : all) {
            s.failAll(failure);
            s.close();
        }
    }

    private UdpSocket socketFor(String address, InetSocketAddress server) throws IOException {
        UdpSocket socket = current.get(address);
        if (socket != null && socket.used() < ROTATE_AFTER) {
            return socket;
        }
        if (socket != null) {
            retiring.add(socket);
            closeDrained();
        }
        UdpSocket fresh = UdpSocket.open(server, loop, buffer);
        current.put(address, fresh);
        return fresh;
    }
}
