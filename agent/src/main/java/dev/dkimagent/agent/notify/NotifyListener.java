package dev.dkimagent.agent.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The NOTIFY listener: UDP and TCP on every {@code notify.listen} address, one handler. */
public final class NotifyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyListener.class);

    private final List<UdpNotifyListener> udp = new ArrayList<>();
    private final List<TcpNotifyListener> tcp = new ArrayList<>();

    /**
     * Binds every address (UDP and TCP on the same port; port 0 takes a free port, the same for
     * both only by chance: tests read {@link #udpAddresses()} and {@link #tcpAddresses()}).
     *
     * @throws IOException naming the address that could not be bound
     */
    public NotifyListener(List<InetSocketAddress> listen, NotifyHandler handler) throws IOException {
        try {
            for (InetSocketAddress address : listen) {
                bind(address, handler);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        LOG.info("NOTIFY listener on {} (UDP and TCP)", listen);
    }

    private void bind(InetSocketAddress address, NotifyHandler handler) throws IOException {
        try {
            udp.add(new UdpNotifyListener(address, handler));
            tcp.add(new TcpNotifyListener(address, handler));
        } catch (IOException e) {
            throw new IOException("notify.listen: cannot listen on " + address + " (" + e.getMessage()
                    + "); is another DNS server on that port, or is a port below 1024 used without the right?", e);
        }
    }

    public List<InetSocketAddress> udpAddresses() {
        return udp.stream().map(UdpNotifyListener::local).toList();
    }

    public List<InetSocketAddress> tcpAddresses() {
        return tcp.stream().map(TcpNotifyListener::local).toList();
    }

    @Override
    public void close() {
        try {
            for (UdpNotifyListener l : udp) {
                l.close();
            }
            for (TcpNotifyListener l : tcp) {
                l.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the NOTIFY listener: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
