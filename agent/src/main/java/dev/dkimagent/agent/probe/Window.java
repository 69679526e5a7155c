package dev.dkimagent.agent.probe;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Starts tasks in order with at most {@code limit} of them unfinished, the next as one ends. A
 * zone's queries reach the DNS client a window at a time instead of all at once: a 30,000-record
 * zone no longer holds 90,000 waiting futures and calls, which lived through the sweep's young
 * collections, were promoted and then died in the old generation. Tasks may end on any thread,
 * and at once (a query that cannot be sent): one thread at a time starts tasks and the others
 * leave it a note, so the stack stays flat.
 */
final class Window<T> {
    private final Iterator<T> source;
    private final int limit;
    private final Function<T, CompletableFuture<?>> start;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int unfinished;
    private boolean starting;
    private boolean endedMeanwhile;
    private Throwable firstFailure;

    private Window(Iterator<T> source, int limit, Function<T, CompletableFuture<?>> start) {
        this.source = source;
        this.limit = limit;
        this.start = start;
    }

    /**
     * Runs {@code start} on each of {@code items}, at most {@code limit} unfinished at once; completes
     * when all have ended, exceptionally with the first failure (as {@code allOf} would).
     */
    static <T> CompletableFuture<Void> run(Iterable<T> items, int limit, Function<T, CompletableFuture<?>> start) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Window<T> window = new Window<>(items.iterator(), limit, start);
        window.startWhatFits();
        return window.done;
    }

    private void startWhatFits() {
        synchronized (this) {
            if (starting) {
                endedMeanwhile = true;
                return;
            }
            starting = true;
        }
        T next;
        while ((next = nextToStart()) != null) {
            startOne(next).whenComplete((ignored, failure) -> ended(failure));
        }
    }

    /** The next item to start, or null when none fits now (then this thread stops starting). */
    private T nextToStart() {
        boolean allEnded;
        synchronized (this) {
            while (true) {
                if (unfinished < limit && source.hasNext()) {
                    unfinished++;
                    return source.next();
                }
                if (!endedMeanwhile) {
                    break;
                }
                endedMeanwhile = false;
            }
            starting = false;
            allEnded = unfinished == 0 && !source.hasNext();
        }
        if (allEnded) {
            finish();
        }
        return null;
    }

    private CompletableFuture<?> startOne(T item) {
        try {
            return start.apply(item);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void ended(Throwable failure) {
        synchronized (this) {
            unfinished--;
            if (failure != null && firstFailure == null) {
                firstFailure = failure;
            }
        }
        startWhatFits();
    }

    private void finish() {
        Throwable failure;
        synchronized (this) {
            failure = firstFailure;
        }
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
    }
}
