package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.time.RateLimiter;
import dev.dkimagent.rules.model.SesApiError;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every SES call of one account x region goes through here: the shared rate limit first, then the
 * call, then one event for metrics. SDK exceptions become {@link SesCallFailed}.
 */
final class SesCaller {
    private final String account;
    private final String region;
    private final RateLimiter limiter;
    private final Consumer<SesCallEvent> listener;

    SesCaller(String account, String region, RateLimiter limiter, Consumer<SesCallEvent> listener) {
        this.account = account;
        this.region = region;
        this.limiter = limiter;
        this.listener = listener;
    }

    <T> T call(String operation, Supplier<T> call) throws SesCallFailed {
        limiter.acquire();
        try {
            T result = call.get();
            publish(operation, SesCallEvent.OK);
            return result;
        } catch (SdkException e) {
            CallFailure failure = ErrorClassifier.classify(operation, e);
            publish(operation, failure.outcome());
            throw new SesCallFailed(failure);
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
