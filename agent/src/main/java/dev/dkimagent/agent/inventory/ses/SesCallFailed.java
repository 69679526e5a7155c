package dev.dkimagent.agent.inventory.ses;

/** A call to SES that failed after the SDK's retries; the scan records it and goes on. */
final class SesCallFailed extends Exception {
    private final transient CallFailure failure;

    SesCallFailed(CallFailure failure) {
        super(failure.operation() + ": " + failure.code(), null, false, false);
        this.failure = failure;
    }

    CallFailure failure() {
        return failure;
    }
}
