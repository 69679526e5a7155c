package dev.dkimagent.agent.notify;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a refused message at most once per source address per minute, so a flood cannot fill the
 * log; the counters still count every one. Remembers a bounded number of sources.
 */
final class RefusalLog {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
    static final Duration QUIET = Duration.ofMinutes(1);
    private static final int MAX_SOURCES = 4096;

    private final LongSupplier nanos;
    private final Map<InetAddress, Long> lastLogged = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Long> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    RefusalLog(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** True when this source's refusal was logged now (false: it was logged less than a minute ago). */
    synchronized boolean refused(InetAddress source, NotifyResult result, String detail) {
        long now = nanos.getAsLong();
        Long last = lastLogged.get(source);
        if (last != null && now - last < QUIET.toNanos()) {
            return false;
        }
        lastLogged.put(source, now);
        LOG.warn("NOTIFY listener: refused a message from {} ({}: {}); further refusals from this address are"
                + " counted in dkim_notify_received_total but not logged for a minute", source.getHostAddress(),
                result.label(), detail);
        return true;
    }
}
