package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.io.IoClientFactory;

/**
 * Sends single DNS queries asynchronously and turns whatever happens into an {@link Answer}.
 * No thread per query: dnsjava's NIO selector does the I/O, two small threads parse, one
 * scheduler thread delays queries for the per-address rate limit (one rate for nameservers asked
 * directly, RD=0, another for resolvers, RD=1). A global cap bounds queries in flight (and so
 * sockets), a smaller cap per address keeps one slow address from taking them all; the rest
 * queue. Each query retries on timeout and network error. A per-address breaker stops sending to
 * an address whose last queries all timed out: one probe goes out, the other queries wait for its
 * result and are sent if it got a reply, else end unsent. The state kept per address is evicted
 * once the address has been idle for a while (see {@link AddressActivity}).
 */
public final class DnsClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsClient.class);
    static final String SELECTOR_TIMEOUT_PROPERTY = "dnsjava.nio.selector_timeout";
    private static final int EDNS_PAYLOAD = 1232;

    static {
        // dnsjava checks timeouts once per selector loop (1 s by default); read when its NIO thread starts
        if (System.getProperty(SELECTOR_TIMEOUT_PROPERTY) == null) {
            System.setProperty(SELECTOR_TIMEOUT_PROPERTY, "50");
        }
    }

    private final DnsOptions options;
    private final Consumer<QueryEvent> listener;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Executor safeWorkers;
    private final InFlightLimiter inFlight;
    private final ConcurrentMap<String, InFlightLimiter> perAddress = new ConcurrentHashMap<>();
    private final AddressBreakers breakers = new AddressBreakers();
    private final RateLimiter directRate;
    private final RateLimiter resolverRate;
    private final IoClientFactory io = new MalformedReplyGuard();
    private final ConcurrentMap<String, SimpleResolver> resolvers = new ConcurrentHashMap<>();
    private final AddressActivity activity;
    private final QueryStats stats = new QueryStats();
    private volatile boolean closed;

    public DnsClient(DnsOptions options, Consumer<QueryEvent> listener) {
        this(options, listener, System::nanoTime);
    }

    /** ticker: nanoseconds like System.nanoTime, read to decide which addresses are idle (a seam for tests). */
    DnsClient(DnsOptions options, Consumer<QueryEvent> listener, LongSupplier ticker) {
        this.options = options;
        this.listener = listener == null ? e -> { } : listener;
        this.workers = Executors.newFixedThreadPool(2, daemonThreads("dns-client"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("dns-client-pacer"));
        this.safeWorkers = this::executeOrRunInline;
        this.inFlight = new InFlightLimiter(options.maxInFlight(), safeWorkers);
        this.directRate = new RateLimiter(options.perNameserverQps());
        this.resolverRate = new RateLimiter(options.perResolverQps());
        this.activity = new AddressActivity(ticker, this::evictIfQuiet);
    }

    public DnsOptions options() {
        return options;
    }

    /** Sends one query to address ("ip", "ip:port", "[v6]:port"); completes with an Answer, never exceptionally. */
    public CompletableFuture<Answer> query(String address, String name, String type, boolean recursionDesired) {
        return exchange(address, name, type, recursionDesired).thenApply(Exchange::answer);
    }

    /** Like query, with the raw reply kept for callers that read the authority section. */
    CompletableFuture<Exchange> exchange(String address, String name, String type, boolean recursionDesired) {
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        stats.begun();
        Call call = Call.prepare(this, address, name, type, recursionDesired, result);
        if (call != null) {
            call.pace();
        }
        return result;
    }

    /** Stops the client's threads. Queries still queued or in flight complete as failures. */
    @Override
    public void close() {
        closed = true;
        stats.log(LOG);
        workers.shutdown();
        for (Runnable neverRan : scheduler.shutdownNow()) {
            neverRan.run();
        }
        // queued calls and calls waiting for a breaker's probe see the closed flag and complete as failures
        breakers.drainWaiters().forEach(waiter -> waiter.probeEnded(false));
        perAddress.values().forEach(limiter -> limiter.drain().forEach(Runnable::run));
        inFlight.drain().forEach(Runnable::run);
    }

    boolean isClosed() {
        return closed;
    }

    /** One resolver per address as written ("ip" and "ip:53" get one each: harmless, and eviction stays per address). */
    SimpleResolver resolverFor(String address, InetSocketAddress server) {
        return resolvers.computeIfAbsent(address, a -> {
            SimpleResolver r = new SimpleResolver(server);
            r.setTimeout(options.timeout());
            r.setEDNS(0, EDNS_PAYLOAD, 0, List.of());
            r.setIoClientFactory(io);
            return r;
        });
    }

    Executor workers() {
        return safeWorkers;
    }

    InFlightLimiter inFlight() {
        return inFlight;
    }

    /** The cap on queries in flight to one address (held from first attempt to last). */
    InFlightLimiter inFlightTo(String address) {
        return perAddress.computeIfAbsent(address, a -> new InFlightLimiter(options.maxInFlightPerAddress(), safeWorkers));
    }

    AddressActivity activity() {
        return activity;
    }

    /** True while the client keeps any per-address state for the address (for tests). */
    boolean holdsStateFor(String address) {
        return activity.tracks(address) || resolvers.containsKey(address) || perAddress.containsKey(address)
                || breakers.tracks(address) || directRate.tracks(address) || resolverRate.tracks(address);
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
        resolvers.remove(address);
        directRate.forget(address);
        resolverRate.forget(address);
        return true;
    }

    AddressBreakers breakers() {
        return breakers;
    }

    /** Runs the task after the address's next rate slot (resolver or nameserver rate); on a closed client, runs it now. */
    void afterRateSlot(String address, boolean recursionDesired, Runnable task) {
        long delay = reserveSlot(address, recursionDesired);
        if (delay <= 0) {
            task.run();
            return;
        }
        try {
            scheduler.schedule(task, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            task.run();
        }
    }

    /** Reserves the address's next send slot: recursive queries go to resolvers and have their own rate. */
    long reserveSlot(String address, boolean recursionDesired) {
        return (recursionDesired ? resolverRate : directRate).reserve(address);
    }

    void publish(QueryEvent event) {
        stats.ended();
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("DNS query listener failed on {}", event, e);
        }
    }

    private void executeOrRunInline(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException closing) {
            task.run();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
