package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesView;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads what SES expects from every configured account x region, gently (batches, a rate limit,
 * details only where needed), and turns it into expected records. AWS problems never escape
 * {@link #scan()}: they become {@link SesApiError}s and the rest of the scan goes on.
 */
public final class SesInventory implements AutoCloseable {
    private static final int MAX_PARALLEL_PAIRS = 8;

    private final SesOptions options;
    private final Clock clock;
    private final SesClientFactory factory;
    private final List<SesClients> pairs;
    private final DetailCache cache = new DetailCache();
    private final PairScanner scanner;
    private final ExecutorService executor;

    public SesInventory(SesOptions options, AwsCredentialsProvider base, Clock clock,
                        Consumer<SesCallEvent> listener) {
        this.options = options;
        this.clock = clock;
        this.factory = new SesClientFactory(options, base);
        this.pairs = factory.build(listener);
        this.scanner = new PairScanner(new IdentityLister(new GlobFilter(options.include(), options.exclude())),
                new DetailReader(clock), cache);
        this.executor = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL_PAIRS, pairs.size()), daemonThreads());
    }

    /** Blocking; one scan at a time. */
    public synchronized SesScan scan() {
        pairs.forEach(pair -> pair.caller().startScan());
        List<PairWork> work = pairs.stream().map(PairWork::new).toList();
        inParallel(work, scanner::readAttributes);
        new DetailPlanner(cache, options.detailInterval(), options.detailBudget()).plan(work, clock.instant());
        inParallel(work, scanner::readDetails);
        return result(work);
    }

    private SesScan result(List<PairWork> work) {
        StateBuilder builder = new StateBuilder(cache);
        List<SesIdentityState> states = new ArrayList<>();
        List<SesApiError> errors = new ArrayList<>();
        for (PairWork pair : work) {
            pair.dkim.forEach(v1 -> states.add(builder.build(pair, v1)));
            errors.addAll(pair.errors);
        }
        states.sort(Comparator.comparing(SesIdentityState::identity).thenComparing(SesIdentityState::account)
                .thenComparing(SesIdentityState::region));
        List<Identity> identities = Expectations.of(states, region -> cache.zone(region).orElse(null));
        return new SesScan(identities, new SesView(states, errors, Map.of()));
    }

    private void inParallel(List<PairWork> work, Consumer<PairWork> step) {
        List<Future<?>> futures = new ArrayList<>();
        work.forEach(p -> futures.add(executor.submit(() -> step.accept(p))));
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("SES scan interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("SES scan failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ses-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the scan threads and closes every client and provider built here (not the base provider). */
    @Override
    public void close() {
        executor.shutdownNow();
        factory.close();
    }
}
