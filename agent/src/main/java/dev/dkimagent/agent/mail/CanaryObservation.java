package dev.dkimagent.agent.mail;

import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryRound.Problem;
import dev.dkimagent.rules.model.CanaryRound.ProblemKind;
import java.util.List;

/** A verified message as the typed observation the rules read (DKIM06): no verdicts, no text parsing. */
public final class CanaryObservation {
    private CanaryObservation() {
    }

    public static List<CanaryRound.Signature> signatures(MessageVerification verification) {
        return verification.signatures().stream().map(CanaryObservation::signature).toList();
    }

    public static List<CanaryRound.ReceiverDkim> receiver(MessageVerification verification) {
        return verification.receiverDkim().stream()
                .map(r -> new CanaryRound.ReceiverDkim(r.authservId(), r.result(), r.properties().get("header.d")))
                .toList();
    }

    private static CanaryRound.Signature signature(SignatureResult result) {
        if (result.tags() == null) {
            return new CanaryRound.Signature(null, null, false, List.of(),
                    List.of(new Problem(ProblemKind.INVALID_FIELD, result.parseError(), null, null)));
        }
        List<String> verifiedOn = result.keys().stream().filter(k -> k.outcome() == KeyVerdict.Outcome.PASS)
                .map(k -> k.key().server().host()).distinct().toList();
        return new CanaryRound.Signature(result.tags().domain(), result.tags().selector(),
                result.result() == SignatureResult.Result.PASS, verifiedOn, problems(result));
    }

    private static List<Problem> problems(SignatureResult result) {
        return result.problems().stream().map(p -> new Problem(ProblemKind.valueOf(p.kind().name()), p.detail(),
                p.server() == null ? null : p.server().host(), p.server() == null ? null : p.server().address()))
                .toList();
    }
}
