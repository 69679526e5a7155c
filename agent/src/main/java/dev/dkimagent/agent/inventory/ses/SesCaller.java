package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.time.RateLimiter;
import dev.dkimagent.rules.model.SesApiError;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every SES call of one account x region goes through here: the shared rate limit first, then the
 * call, then one event for metrics. A throttled call (after the SDK's own retries) is tried again
 * with backoff and jitter while the scan's throttle budget lasts ({@link ThrottleRetry}). SDK
 * exceptions become {@link SesCallFailed}.
 */
final class SesCaller {
    private final String account;
    private final String region;
    private final RateLimiter limiter;
    private final Consumer<SesCallEvent> listener;
    private final ThrottleRetry throttleRetry;

    SesCaller(String account, String region, RateLimiter limiter, Consumer<SesCallEvent> listener) {
        this(account, region, limiter, listener, new ThrottleRetry(java.time.Duration.ZERO));
    }

    SesCaller(String account, String region, RateLimiter limiter, Consumer<SesCallEvent> listener,
              ThrottleRetry throttleRetry) {
        this.account = account;
        this.region = region;
        this.limiter = limiter;
        this.listener = listener;
        this.throttleRetry = throttleRetry;
    }

    /** A new scan starts: a fresh throttle budget. */
    void startScan() {
        throttleRetry.startScan();
    }

    <T> T call(String operation, Supplier<T> call) throws SesCallFailed {
        for (int retry = 1; ; retry++) {
            Attempt<T> attempt = attempt(operation, call);
            if (attempt.failure() == null) {
                return attempt.value();
            }
            if (!SesCallEvent.THROTTLED.equals(attempt.failure().outcome()) || !awaitRetry(retry)) {
                throw new SesCallFailed(attempt.failure());
            }
        }
    }

    /** What one call gave: a value, or how it failed. */
    private record Attempt<T>(T value, CallFailure failure) {
    }

    private <T> Attempt<T> attempt(String operation, Supplier<T> call) {
        limiter.acquire();
        try {
            T value = call.get();
            publish(operation, SesCallEvent.OK);
            return new Attempt<>(value, null);
        } catch (SdkException e) {
            CallFailure failure = ErrorClassifier.classify(operation, e);
            publish(operation, failure.outcome());
            return new Attempt<>(null, failure);
        }
    }

    private boolean awaitRetry(int retry) {
        try {
            return throttleRetry.awaitRetry(retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    SesApiError error(CallFailure failure) {
        return new SesApiError(account, region, failure.operation(), failure.code());
    }

    String account() {
        return account;
    }

    String region() {
        return region;
    }

    /** A broken metrics listener must not break the scan. */
    private void publish(String operation, String outcome) {
        try {
            listener.accept(new SesCallEvent(operation, outcome));
        } catch (RuntimeException ignored) {
            // metrics are best effort
        }
    }
}
