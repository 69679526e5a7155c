package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Transport;

/**
 * One attempt of one query outstanding on a {@link UdpSocket}: its message id, and its timeout on
 * the loop's wheel. A datagram that matched no query but came from this attempt's server (another
 * id, or bytes that are not DNS) never ends the attempt: a spoofed packet must not cut a real
 * reply short. It only explains the timeout, if one follows: the attempt then ends as MISMATCH or
 * MALFORMED (not retried, as when such bytes ended a query on its own socket).
 */
final class UdpAttempt extends TimerWheel.Timer {
    /** Hears how the attempt ended; called on the loop's thread, exactly once. */
    interface Listener {
        /** Bytes with this attempt's id came from its server: not yet checked beyond that. */
        void udpReceived(byte[] datagram, int id);

        void udpFailed(Failure failure);
    }

    final int id;
    final UdpSocket socket;
    final Listener listener;
    private Failure foreign;

    UdpAttempt(int id, UdpSocket socket, Listener listener) {
        this.id = id;
        this.socket = socket;
        this.listener = listener;
    }

    /** The server sent bytes this attempt cannot claim; the first such explanation is kept. */
    void sawForeign(boolean parses, int otherId) {
        if (foreign == null) {
            foreign = parses
                    ? new Failure(Transport.MISMATCH, "reply does not match the query: invalid message id: expected "
                            + id + "; got id " + otherId)
                    : new Failure(Transport.MALFORMED, "malformed reply: bytes that are not a DNS message");
        }
    }

    @Override
    void expire() {
        socket.timedOut(this);
        listener.udpFailed(foreign != null ? foreign : new Failure(Transport.TIMEOUT, "timeout"));
    }
}
