package dev.dkimagent.agent.demo.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.Arrays;

/** Answers datagrams one at a time on its own thread; a query that does not parse gets no reply. */
final class UdpListener {
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final Handler handler;
    private final Thread thread;

    UdpListener(DatagramSocket socket, Handler handler, String label) {
        this.socket = socket;
        this.handler = handler;
        this.thread = new Thread(this::serve, "demo-dns-udp-" + label);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                byte[] reply = handler.handle(Arrays.copyOf(in.getData(), in.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
            } catch (IOException closedOrGarbage) {
                // a closed socket ends the loop; garbage is dropped, as real servers do
            }
        }
    }

    void close() {
        socket.close();
        Threads.join(thread);
    }
}
