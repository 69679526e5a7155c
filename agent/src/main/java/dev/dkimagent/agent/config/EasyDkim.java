package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.EasyDkimRecords;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Names;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Easy DKIM's expected records and the checks on them, shared by both ways of listing identities
 * ({@code dkim-agent.identities} in HOCON and the lines of {@code dkim-agent.identity-files}), so the
 * two produce the same {@code Identity} and reject the same mistakes.
 */
final class EasyDkim {
    static final String SOURCE = "config";
    static final String DEFAULT_SIGNING_HOSTED_ZONE = "dkim.amazonses.com";
    static final int MAX_TOKENS = 3;

    private EasyDkim() {
    }

    static boolean isTokenCount(int count) {
        return count >= 1 && count <= MAX_TOKENS;
    }

    /**
     * A domain or signing hosted zone as the model keeps it, or empty after reporting why
     * {@code text} is not a DNS name.
     */
    static Optional<String> name(String text, Consumer<String> report) {
        Optional<String> problem = DnsNames.notAName(text);
        problem.ifPresent(report);
        return problem.isEmpty() ? Optional.of(Names.normal(text)) : Optional.empty();
    }

    /**
     * {@code text} as a token (lower case), or empty after reporting why it is not one: not one DNS
     * label, or a token already in {@code seen} (the identity's tokens so far, lower case; this one
     * is added).
     */
    static Optional<String> token(String text, Set<String> seen, Consumer<String> report) {
        Optional<String> notALabel = DnsNames.notALabel(text);
        if (notALabel.isPresent()) {
            report.accept(notALabel.get());
            return Optional.empty();
        }
        String token = Names.normal(text);
        if (!seen.add(token)) {
            report.accept("token '" + token + "' is listed twice");
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /**
     * {@code <token>._domainkey.<domain> CNAME <token>.<zone>} per token, kept compact: an inventory
     * holds these for every identity (see {@link EasyDkimRecords}).
     */
    static List<ExpectedRecord> records(String domain, String zone, List<String> tokens) {
        return EasyDkimRecords.of(domain, zone, tokens);
    }
}
