package dev.dkimagent.agent.notify;

import dev.dkimagent.rules.model.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the SOA watch: every address of every zone the last sweep located is asked for the
 * zone's SOA only (one query per address per zone, through the DNS client's in-flight bound and
 * per-address rate limit). A zone where an address's serial moved, or an address went from
 * answering to silent or lame (or back), is handed to {@code changed} with the newest serial seen.
 * A zone's first round only remembers; addresses that appear or disappear are the sweep's business.
 */
public final class SoaWatch {
    private static final Logger LOG = LoggerFactory.getLogger(SoaWatch.class);

    /** Asks one address for one zone's SOA (RD=0); never fails: a timeout is an Answer too. */
    public interface SoaQuery {
        CompletableFuture<Answer> soa(String address, String zone);
    }

    /** A zone changed; {@code newest} is the newest serial any of its addresses answered with. */
    public interface Changed {
        void changed(String zone, OptionalLong newest);
    }

    private final Supplier<Map<String, List<String>>> zones;
    private final SoaQuery query;
    private final Changed changed;
    private final Duration roundTimeout;
    private final Map<String, Map<String, AddressState>> previous = new HashMap<>();

    /** @param zones apex -> the addresses the zone's last run asked */
    public SoaWatch(Supplier<Map<String, List<String>>> zones, SoaQuery query, Changed changed, Duration roundTimeout) {
        this.zones = zones;
        this.query = query;
        this.changed = changed;
        this.roundTimeout = roundTimeout;
    }

    /** Asks, waits for the round (at most the round timeout), compares, reports changed zones. */
    public synchronized void runOnce() throws InterruptedException {
        Map<String, Map<String, CompletableFuture<Answer>>> asked = ask(zones.get());
        long deadline = System.nanoTime() + roundTimeout.toNanos();
        for (Map.Entry<String, Map<String, CompletableFuture<Answer>>> zone : asked.entrySet()) {
            Map<String, AddressState> now = collect(zone.getValue(), deadline);
            if (now != null) {
                compare(zone.getKey(), now);
            }
        }
        previous.keySet().retainAll(asked.keySet());
    }

    private Map<String, Map<String, CompletableFuture<Answer>>> ask(Map<String, List<String>> zones) {
        Map<String, Map<String, CompletableFuture<Answer>>> asked = new LinkedHashMap<>();
        zones.forEach((apex, addresses) -> {
            Map<String, CompletableFuture<Answer>> byAddress = new LinkedHashMap<>();
            addresses.stream().distinct().forEach(a -> byAddress.put(a, query.soa(a, apex)));
            asked.put(apex, byAddress);
        });
        return asked;
    }

    /** null when the round ran out of time for this zone: it is compared next round. */
    private static Map<String, AddressState> collect(Map<String, CompletableFuture<Answer>> answers, long deadline)
            throws InterruptedException {
        Map<String, AddressState> states = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Answer>> a : answers.entrySet()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                states.put(a.getKey(), AddressState.of(a.getValue().get(left, TimeUnit.NANOSECONDS)));
            } catch (TimeoutException | ExecutionException e) {
                a.getValue().cancel(true);
                return null;
            }
        }
        return states;
    }

    private void compare(String zone, Map<String, AddressState> now) {
        Map<String, AddressState> before = previous.put(zone, now);
        if (before == null) {
            return;
        }
        List<String> moved = new ArrayList<>();
        now.forEach((address, state) -> {
            AddressState was = before.get(address);
            if (was != null && !was.equals(state)) {
                moved.add(address + " " + describe(was) + " -> " + describe(state));
            }
        });
        if (!moved.isEmpty()) {
            LOG.info("SOA watch: {} changed ({}); rechecking it", zone, String.join(", ", moved));
            changed.changed(zone, newest(now));
        }
    }

    private static OptionalLong newest(Map<String, AddressState> states) {
        OptionalLong newest = OptionalLong.empty();
        for (AddressState s : states.values()) {
            if (s.kind() == AddressState.Kind.ANSWERING
                    && (newest.isEmpty() || AddressState.newer(s.serial(), newest.getAsLong()))) {
                newest = OptionalLong.of(s.serial());
            }
        }
        return newest;
    }

    private static String describe(AddressState s) {
        return s.kind() == AddressState.Kind.ANSWERING ? "serial " + s.serial() : s.kind().name().toLowerCase();
    }
}
