package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryRound.Delivery;
import dev.dkimagent.rules.model.CanaryRound.Problem;
import dev.dkimagent.rules.model.CanaryRound.ProblemKind;
import dev.dkimagent.rules.model.CanaryRound.Signature;
import dev.dkimagent.rules.model.Nameserver;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DKIM06: mail really sent through SES arrives signed by the identity's own domain, with a
 * signature every nameserver's key verifies. The end-to-end proof the DNS checks cannot give.
 */
public final class Dkim06CanarySigned implements Rule {
    public static final String ID = "DKIM06";
    public static final Tag CANARY_NOT_SIGNED = new Tag(ID, "CANARY_NOT_SIGNED", Severity.CRITICAL, Tag.Kind.CANARY_ROUND);
    public static final Tag CANARY_SIGNATURE_INVALID = new Tag(ID, "CANARY_SIGNATURE_INVALID", Severity.CRITICAL, Tag.Kind.CANARY_ROUND);
    public static final Tag CANARY_KEY_NOT_SERVED = new Tag(ID, "CANARY_KEY_NOT_SERVED", Severity.ERROR, Tag.Kind.CANARY_ROUND);
    public static final Tag CANARY_NOT_DELIVERED = new Tag(ID, "CANARY_NOT_DELIVERED", Severity.WARNING, Tag.Kind.CANARY_ROUND);
    public static final Tag CANARY_RECEIVER_FAIL = new Tag(ID, "CANARY_RECEIVER_FAIL", Severity.ERROR, Tag.Kind.CANARY_ROUND);
    /** Findings about canary rounds name this source (they group under the identity). */
    public static final String SOURCE = "canary";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "Mail sent through SES arrives signed by the identity's domain, verifiable on every nameserver";
    }

    @Override
    public List<Tag> tags() {
        return List.of(CANARY_NOT_SIGNED, CANARY_SIGNATURE_INVALID, CANARY_KEY_NOT_SERVED, CANARY_NOT_DELIVERED,
                CANARY_RECEIVER_FAIL);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (CanaryRound round : evaluation.snapshot().canary().rounds()) {
            if (round.delivery() == Delivery.NOT_DELIVERED) {
                out.add(notDelivered(round));
            } else if (round.delivery() == Delivery.DELIVERED) {
                out.addAll(signatures(round));
                out.addAll(receiver(round));
            }
        }
        return out;
    }

    private static List<Finding> signatures(CanaryRound round) {
        List<Signature> own = round.ownSignatures();
        if (own.isEmpty()) {
            return List.of(notSigned(round));
        }
        if (own.stream().anyMatch(Signature::passes)) {
            return List.of(); // one own signature that verifies everywhere is what receivers need
        }
        List<Finding> out = new ArrayList<>();
        for (Signature signature : own) {
            List<String> invalid = new ArrayList<>();
            for (Problem problem : signature.problems()) {
                if (servedKeyProblem(signature, problem)) {
                    out.add(keyNotServed(round, signature, problem));
                } else {
                    invalid.add(problem.nameserver() == null ? problem.detail()
                            : problem.nameserver() + ": " + problem.detail());
                }
            }
            if (!invalid.isEmpty()) {
                out.add(invalid(round, signature, String.join("; ", invalid)));
            }
        }
        return out;
    }

    /** Missing on a server, or a key there that does not verify what another server's key does. */
    private static boolean servedKeyProblem(Signature signature, Problem problem) {
        return problem.kind() == ProblemKind.KEY_NOT_SERVED
                || problem.kind() == ProblemKind.SIGNATURE && problem.nameserver() != null
                && !signature.verifiedOn().isEmpty();
    }

    private static Finding notSigned(CanaryRound round) {
        String signers = round.signatures().stream().map(Signature::domain).filter(d -> d != null).distinct()
                .collect(Collectors.joining(", "));
        return FindingBuilder.of(CANARY_NOT_SIGNED, subject(round, null, null, null))
                .arg("from", round.from())
                .arg("signers", signers.isEmpty() ? "nobody" : signers)
                .check("aws sesv2 get-email-identity --email-identity " + round.identity())
                .build();
    }

    private static Finding invalid(CanaryRound round, Signature signature, String reason) {
        return FindingBuilder.of(CANARY_SIGNATURE_INVALID, subject(round, signature.selector(), null, null))
                .arg("from", round.from())
                .arg("reason", reason)
                .dig(DigCommand.resolver("TXT", keyName(round, signature)))
                .build();
    }

    private static Finding keyNotServed(CanaryRound round, Signature signature, Problem problem) {
        Nameserver server = new Nameserver(problem.nameserver(), problem.address());
        return FindingBuilder.of(CANARY_KEY_NOT_SERVED,
                        subject(round, signature.selector(), problem.nameserver(), problem.address()))
                .arg("name", keyName(round, signature))
                .arg("reason", problem.detail())
                .dig(DigCommand.direct(server, "TXT", keyName(round, signature)))
                .build();
    }

    private static Finding notDelivered(CanaryRound round) {
        return FindingBuilder.of(CANARY_NOT_DELIVERED, subject(round, null, null, null))
                .arg("from", round.from())
                .arg("sentAt", round.sentAt())
                .arg("timeout", round.timeout())
                .check("aws sesv2 get-email-identity --email-identity " + round.identity())
                .build();
    }

    private static List<Finding> receiver(CanaryRound round) {
        List<CanaryRound.ReceiverDkim> about = round.receiver().stream()
                .filter(r -> r.domain() == null || r.domain().equalsIgnoreCase(round.identity())).toList();
        if (about.isEmpty() || about.stream().anyMatch(r -> r.result().equals("pass"))) {
            return List.of();
        }
        String results = about.stream().map(r -> r.authservId() + ": dkim=" + r.result())
                .collect(Collectors.joining(", "));
        return List.of(FindingBuilder.of(CANARY_RECEIVER_FAIL, subject(round, null, null, null))
                .arg("from", round.from())
                .arg("results", results)
                .check("dkim-agent verify-message <the message as received, saved as .eml>")
                .build());
    }

    private static Subject subject(CanaryRound round, String selector, String nameserver, String address) {
        return new Subject(round.identity(), null, selector, nameserver, address, SOURCE);
    }

    private static String keyName(CanaryRound round, Signature signature) {
        return signature.selector() + "._domainkey." + signature.domain();
    }
}
