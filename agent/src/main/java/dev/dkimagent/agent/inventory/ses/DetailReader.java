package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.DkimStatus;
import software.amazon.awssdk.services.sesv2.model.DkimAttributes;
import software.amazon.awssdk.services.sesv2.model.GetEmailIdentityResponse;
import software.amazon.awssdk.services.sesv2.model.VerificationInfo;

import java.time.Clock;
import java.util.List;

/** v2 GetEmailIdentity for one identity. */
final class DetailReader {
    static final String OPERATION = "GetEmailIdentity";

    private final Clock clock;

    DetailReader(Clock clock) {
        this.clock = clock;
    }

    Detail read(SesClients clients, String identity) throws SesCallFailed {
        GetEmailIdentityResponse r = clients.caller().call(OPERATION,
                () -> clients.v2().getEmailIdentity(b -> b.emailIdentity(identity)));
        return toDetail(r.dkimAttributes(), r.verificationInfo());
    }

    private Detail toDetail(DkimAttributes d, VerificationInfo v) {
        boolean hasD = d != null;
        boolean hasV = v != null;
        return new Detail(
                hasD ? DkimStatus.parse(d.statusAsString()) : null,
                hasD && Boolean.TRUE.equals(d.signingEnabled()),
                hasD && d.hasTokens() ? d.tokens() : List.of(),
                hasD ? d.signingHostedZone() : null,
                hasD ? d.signingAttributesOriginAsString() : null,
                hasD ? d.currentSigningKeyLengthAsString() : null,
                hasD ? d.nextSigningKeyLengthAsString() : null,
                hasD ? d.lastKeyGenerationTimestamp() : null,
                hasV ? v.errorTypeAsString() : null,
                hasV ? v.lastCheckedTimestamp() : null,
                hasV ? v.lastSuccessTimestamp() : null,
                hasV && v.soaRecord() != null ? v.soaRecord().serialNumber() : null,
                clock.instant());
    }
}
