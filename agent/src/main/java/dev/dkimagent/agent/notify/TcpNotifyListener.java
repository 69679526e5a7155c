package dev.dkimagent.agent.notify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP socket (RFC 1035 section 4.2.2 framing): an accept thread and a few connection threads
 * with a short queue; connections beyond it are closed at once, and an idle or slow connection is
 * dropped after {@link #IDLE_MILLIS}, so a flood of connections cannot hold the listener.
 */
final class TcpNotifyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpNotifyListener.class);
    private static final int IDLE_MILLIS = 5000;
    private static final int CONNECTION_THREADS = 4;
    private static final int WAITING_CONNECTIONS = 16;
    private static final int MESSAGES_PER_CONNECTION = 64;

    private final ServerSocket server;
    private final NotifyHandler handler;
    private final ThreadPoolExecutor connections;
    private final Thread acceptor;

    TcpNotifyListener(InetSocketAddress bind, NotifyHandler handler) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind, 64);
        this.handler = handler;
        this.connections = new ThreadPoolExecutor(CONNECTION_THREADS, CONNECTION_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING_CONNECTIONS), r -> {
                    Thread t = new Thread(r, "dkim-notify-tcp");
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::accept, "dkim-notify-tcp-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress local() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                try {
                    connections.execute(() -> serve(socket));
                } catch (RejectedExecutionException e) {
                    socket.close();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("NOTIFY listener (TCP): {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (int i = 0; i < MESSAGES_PER_CONNECTION; i++) {
                byte[] message = new byte[in.readUnsignedShort()];
                in.readFully(message);
                Optional<byte[]> reply = handler.handle(message, socket.getInetAddress());
                if (reply.isEmpty()) {
                    return;
                }
                out.writeShort(reply.get().length);
                out.write(reply.get());
                out.flush();
            }
        } catch (EOFException e) {
            // the client is done
        } catch (IOException e) {
            LOG.debug("NOTIFY listener (TCP) connection from {}: {}", socket.getInetAddress(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("NOTIFY listener (TCP): a message could not be handled; the listener goes on", e);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        connections.shutdownNow();
        acceptor.join(2000);
    }
}
