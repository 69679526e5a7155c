package dev.dkimagent.agent.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;
import org.xbill.DNS.io.DefaultIoClientFactory;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/**
 * dnsjava checks the message id before parsing, so garbage bytes (whose first two bytes are
 * almost never our id) would read as "invalid message id", a MISMATCH. This UDP client decorator
 * parses a datagram only when its id is not ours, and fails it as malformed when it is not DNS.
 * Well-formed replies cost nothing extra.
 */
final class MalformedReplyGuard implements IoClientFactory {
    private static final int HEADER_LENGTH = 12;
    private final IoClientFactory delegate = new DefaultIoClientFactory();
    private final UdpIoClient udp = this::sendAndReceiveUdp;

    @Override
    public TcpIoClient createOrGetTcpClient() {
        return delegate.createOrGetTcpClient();
    }

    @Override
    public UdpIoClient createOrGetUdpClient() {
        return udp;
    }

    private CompletableFuture<byte[]> sendAndReceiveUdp(InetSocketAddress local, InetSocketAddress remote,
                                                        Message query, byte[] data, int max, Duration timeout) {
        int qid = query.getHeader().getID();
        return delegate.createOrGetUdpClient()
                .sendAndReceiveUdp(local, remote, query, data, max, timeout)
                .thenCompose(bytes -> check(bytes, qid));
    }

    private static CompletableFuture<byte[]> check(byte[] bytes, int qid) {
        if (bytes.length < HEADER_LENGTH) {
            return CompletableFuture.failedFuture(
                    new MalformedReplyException("malformed reply: " + bytes.length + " bytes, shorter than a DNS header"));
        }
        int id = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
        if (id != qid && !parses(bytes)) {
            return CompletableFuture.failedFuture(
                    new MalformedReplyException("malformed reply: " + bytes.length + " bytes that are not a DNS message"));
        }
        return CompletableFuture.completedFuture(bytes);
    }

    private static boolean parses(byte[] bytes) {
        try {
            new Message(bytes);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
