package dev.dkimagent.agent.dns;

import dev.dkimagent.agent.config.DnsSettings;
import dev.dkimagent.agent.time.RateLimiter;
import dev.dkimagent.agent.time.Ticker;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.io.DefaultIoClientFactory;
import org.xbill.DNS.io.TcpIoClient;

/**
 * Sends single DNS queries asynchronously and turns whatever happens into an {@link Answer}.
 * One thread (the {@link DnsLoop}) does all the work after a query is submitted: admission,
 * pacing, sending on a shared UDP socket per server address ({@link UdpTransport}), reading,
 * timeouts and pacing delays on a timer wheel, retries, and completing the caller's future.
 * Futures complete on that thread: a continuation must not block (hand heavy work to an executor).
 *
 * <p>Each query retries on timeout and network error. A global cap bounds queries in flight, a
 * smaller cap per address keeps one slow address from taking them all; the rest queue. Each
 * address is paced (one rate for nameservers asked directly, RD=0, another for resolvers, RD=1).
 * A per-address breaker stops sending to an address whose last queries all timed out: one probe
 * goes out, the other queries wait for its result and are sent if it got a reply, else end
 * unsent. The state kept per address is evicted once the address has been idle for a while (see
 * {@link AddressActivity}). A truncated UDP reply is asked again over TCP (dnsjava's TCP client).
 */
public final class DnsClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsClient.class);
    static final String SELECTOR_TIMEOUT_PROPERTY = "dnsjava.nio.selector_timeout";

    static {
        // dnsjava's TCP client checks timeouts once per selector loop (1 s by default); read when its NIO thread starts
        if (System.getProperty(SELECTOR_TIMEOUT_PROPERTY) == null) {
            System.setProperty(SELECTOR_TIMEOUT_PROPERTY, "50");
        }
    }

    private final DnsSettings settings;
    private final boolean ipv6;
    private final Consumer<QueryEvent> listener;
    private final Ticker ticker;
    private final DnsLoop loop;
    private final UdpTransport udp;
    private final TcpIoClient tcp = new DefaultIoClientFactory().createOrGetTcpClient();
    private final InFlightLimiter inFlight;
    private final ConcurrentMap<String, InFlightLimiter> perAddress = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, InetSocketAddress> servers = new ConcurrentHashMap<>();
    private final AddressBreakers breakers = new AddressBreakers();
    private final ConcurrentMap<String, RateLimiter> directRates = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RateLimiter> resolverRates = new ConcurrentHashMap<>();
    private final AddressActivity activity;
    private final QueryStats stats = new QueryStats();
    private final QuestionNames names = new QuestionNames();
    private volatile boolean closed;

    /**
     * @param settings the DNS settings (resolvers are not the client's business: {@link Discovery} takes them)
     * @param ipv6     whether discovery looks up and uses AAAA addresses of nameservers (the settings' mode, resolved)
     */
    public DnsClient(DnsSettings settings, boolean ipv6, Consumer<QueryEvent> listener) {
        this(settings, ipv6, listener, Ticker.SYSTEM);
    }

    /** ticker: read for timeouts, pacing and idleness (a seam for tests). */
    DnsClient(DnsSettings settings, boolean ipv6, Consumer<QueryEvent> listener, Ticker ticker) {
        this.settings = settings;
        this.ipv6 = ipv6;
        this.listener = listener == null ? e -> { } : listener;
        this.ticker = ticker;
        this.loop = new DnsLoop("dns-client-io", ticker);
        this.udp = new UdpTransport(loop);
        this.inFlight = new InFlightLimiter(settings.maxInFlight(), loop::execute);
        this.activity = new AddressActivity(ticker, this::evictIfQuiet);
    }

    public DnsSettings settings() {
        return settings;
    }

    /** Whether nameservers' IPv6 addresses are looked up and probed. */
    public boolean ipv6() {
        return ipv6;
    }

    /** Sends one query to address ("ip", "ip:port", "[v6]:port"); completes with an Answer, never exceptionally. */
    public CompletableFuture<Answer> query(String address, String name, String type, boolean recursionDesired) {
        CompletableFuture<Answer> result = new CompletableFuture<>();
        submit(address, name, type, recursionDesired, x -> result.complete(x.answer()));
        return result;
    }

    /** Like query, with the raw reply kept for callers that read the authority section. */
    CompletableFuture<Exchange> exchange(String address, String name, String type, boolean recursionDesired) {
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        submit(address, name, type, recursionDesired, result::complete);
        return result;
    }

    private void submit(String address, String name, String type, boolean rd, Consumer<Exchange> result) {
        stats.begun();
        Call call = Call.prepare(this, address, name, type, rd, result);
        if (call != null) {
            loop.execute(call::pace);
        }
    }

    /** Stops the loop. Queries still queued or in flight complete as failures. */
    @Override
    public void close() {
        closed = true;
        stats.log(LOG);
        loop.execute(this::failEverything);
        loop.close();
    }

    /** On the loop: outstanding attempts fail (and end as closed), then queued and waiting calls. */
    private void failEverything() {
        udp.closeAll(new Failure(Transport.NETWORK_ERROR, "not sent: the DNS client is closed"));
        breakers.drainWaiters().forEach(waiter -> waiter.probeEnded(false));
        perAddress.values().forEach(limiter -> limiter.drain().forEach(Runnable::run));
        inFlight.drain().forEach(Runnable::run);
    }

    boolean isClosed() {
        return closed;
    }

    /** The parsed address, cached: the sweep asks the same few addresses hundreds of thousands of times. */
    InetSocketAddress serverAddress(String address) throws UnknownHostException {
        InetSocketAddress known = servers.get(address);
        if (known != null) {
            return known;
        }
        InetSocketAddress parsed = ServerAddress.parse(address);
        servers.put(address, parsed);
        return parsed;
    }

    QuestionNames names() {
        return names;
    }

    DnsLoop loop() {
        return loop;
    }

    UdpTransport udp() {
        return udp;
    }

    TcpIoClient tcp() {
        return tcp;
    }

    InFlightLimiter inFlight() {
        return inFlight;
    }

    /** The cap on queries in flight to one address (held from first attempt to last). */
    InFlightLimiter inFlightTo(String address) {
        return perAddress.computeIfAbsent(address, a -> new InFlightLimiter(settings.maxInFlightPerAddress(), loop::execute));
    }

    AddressActivity activity() {
        return activity;
    }

    /** True while the client keeps any per-address state for the address (for tests). */
    boolean holdsStateFor(String address) {
        return activity.tracks(address) || udp.holds(address) || perAddress.containsKey(address)
                || breakers.tracks(address) || directRates.containsKey(address) || resolverRates.containsKey(address)
                || servers.containsKey(address);
    }

    /**
     * Drops everything kept for an address no query is using (AddressActivity guarantees that),
     * unless its permit cap or breaker still holds something: then keep it all, for a later sweep.
     */
    private boolean evictIfQuiet(String address) {
        InFlightLimiter limiter = perAddress.get(address);
        if (limiter != null && !limiter.idle()) {
            return false;
        }
        if (!breakers.removeIfQuiet(address)) {
            return false;
        }
        perAddress.remove(address);
        servers.remove(address);
        directRates.remove(address);
        resolverRates.remove(address);
        if (loop.inLoop()) {
            udp.forget(address);
        } else {
            loop.execute(() -> udp.forget(address));
        }
        return true;
    }

    AddressBreakers breakers() {
        return breakers;
    }

    /** Runs the task after the address's next rate slot (resolver or nameserver rate), on the loop. */
    void afterRateSlot(String address, boolean recursionDesired, Runnable task) {
        long delay = reserveSlot(address, recursionDesired);
        if (delay <= 0) {
            task.run();
            return;
        }
        loop.schedule(new TimerWheel.Timer() {
            @Override
            void expire() {
                task.run();
            }
        }, delay);
    }

    /** Reserves the address's next send slot: recursive queries go to resolvers and have their own rate. */
    long reserveSlot(String address, boolean recursionDesired) {
        ConcurrentMap<String, RateLimiter> rates = recursionDesired ? resolverRates : directRates;
        int qps = recursionDesired ? settings.perResolverQps() : settings.perNameserverQps();
        if (qps == 0) {
            return 0;
        }
        return rates.computeIfAbsent(address, a -> new RateLimiter(qps, ticker)).reserve();
    }

    void publish(QueryEvent event) {
        stats.ended();
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("DNS query listener failed on {}", event, e);
        }
    }
}
