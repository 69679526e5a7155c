package dev.dkimagent.agent.demo.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * DNS over TCP (two-byte length prefix, RFC 1035 4.2.2), one connection at a time on its own
 * thread: enough for a demo world whose clients fall back to TCP only for truncated answers.
 */
final class TcpListener {
    /** An idle client must not hold the only thread. */
    private static final int IDLE_MILLIS = 2_000;

    private final ServerSocket socket;
    private final Handler handler;
    private final Thread thread;

    TcpListener(ServerSocket socket, Handler handler, String label) {
        this.socket = socket;
        this.handler = handler;
        this.thread = new Thread(this::serve, "demo-dns-tcp-" + label);
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(IDLE_MILLIS);
                converse(client);
            } catch (IOException closedOrBroken) {
                // a closed server socket ends the loop; a broken connection is the client's loss
            }
        }
    }

    /** Answers every length-prefixed query on the connection until the client closes it or idles. */
    private void converse(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        while (true) {
            byte[] query;
            try {
                query = new byte[in.readUnsignedShort()];
                in.readFully(query);
            } catch (EOFException | SocketTimeoutException done) {
                return;
            }
            byte[] reply = handler.handle(query);
            out.writeShort(reply.length);
            out.write(reply);
            out.flush();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
        Threads.join(thread);
    }
}
