package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A nameserver address that never answers: UDP port 53 bound (so no ICMP "port unreachable"),
 * every datagram read, counted and dropped. What a dead server looks like to the sweep: timeouts.
 */
final class SilentServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final AtomicLong received = new AtomicLong();

    SilentServer(String ip) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 53));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + ip + ":53 for the silent server", e);
        }
        Thread reader = new Thread(this::drop, "bench-silent-server");
        reader.setDaemon(true);
        reader.start();
    }

    /** Datagrams received so far, and zero again. */
    long takeReceived() {
        return received.getAndSet(0);
    }

    @Override
    public void close() {
        socket.close();
    }

    private void drop() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                received.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
