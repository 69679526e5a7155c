package dev.dkimagent.agent.notify;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One UDP socket, one thread: receive, hand to the handler (which never blocks), send its reply. */
final class UdpNotifyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpNotifyListener.class);
    /** Larger than any NOTIFY (a question, an SOA and a TSIG); longer datagrams are cut and fail to parse. */
    private static final int MAX_DATAGRAM = 4096;

    private final DatagramSocket socket;
    private final NotifyHandler handler;
    private final Thread thread;

    UdpNotifyListener(InetSocketAddress bind, NotifyHandler handler) throws SocketException {
        this.socket = new DatagramSocket(bind);
        this.handler = handler;
        this.thread = new Thread(this::serve, "dkim-notify-udp-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                Optional<byte[]> reply = handler.handle(Arrays.copyOf(in.getData(), in.getLength()), in.getAddress());
                if (reply.isPresent()) {
                    socket.send(new DatagramPacket(reply.get(), reply.get().length, in.getSocketAddress()));
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.debug("NOTIFY listener (UDP): {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.error("NOTIFY listener (UDP): a message could not be handled; the listener goes on", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
