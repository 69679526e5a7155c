package dev.dkimagent.agent.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Small future combinators, so discovery composes without blocking. */
final class Futures {
    private Futures() {
    }

    /** All results, in order, once every future is done (join below never waits: all are complete). */
    static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }
}
