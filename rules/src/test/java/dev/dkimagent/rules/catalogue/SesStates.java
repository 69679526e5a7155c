package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesIdentityState;
import java.time.Instant;
import java.util.List;

/**
 * Builds SES states for the test world: identity {@code a.test} in account {@code prod}, region
 * {@code eu-west-1}, Easy DKIM with the world's tokens t1..t3, signing enabled. Each test changes one thing.
 */
final class SesStates {
    static final String ACCOUNT = "prod";
    static final String REGION = "eu-west-1";
    static final String SOURCE = "ses:prod/eu-west-1";

    private DkimStatus status;
    private boolean signingEnabled = true;
    private String origin = "AWS_SES";
    private String account = ACCOUNT;
    private String region = REGION;
    private List<String> tokens = TestWorld.SELECTORS;
    private Instant lastKeyGeneration;
    private String errorType;
    private Instant lastSuccess;
    private Long soaSerial;

    private SesStates(DkimStatus status) {
        this.status = status;
    }

    static SesStates status(DkimStatus status) {
        return new SesStates(status);
    }

    SesStates signingDisabled() {
        signingEnabled = false;
        return this;
    }

    SesStates origin(String o) {
        origin = o;
        return this;
    }

    SesStates where(String newAccount, String newRegion) {
        account = newAccount;
        region = newRegion;
        return this;
    }

    SesStates tokens(String... t) {
        tokens = List.of(t);
        return this;
    }

    SesStates keysGenerated(Instant at) {
        lastKeyGeneration = at;
        return this;
    }

    SesStates errorType(String type) {
        errorType = type;
        return this;
    }

    SesStates lastSuccess(Instant at) {
        lastSuccess = at;
        return this;
    }

    SesStates soaSerial(long serial) {
        soaSerial = serial;
        return this;
    }

    SesIdentityState build() {
        return new SesIdentityState(TestWorld.IDENTITY, account, region, status, signingEnabled, origin, tokens,
                "dkim.amazonses.com", "RSA_2048_BIT", "RSA_2048_BIT", lastKeyGeneration, errorType,
                null, lastSuccess, soaSerial, true);
    }
}
