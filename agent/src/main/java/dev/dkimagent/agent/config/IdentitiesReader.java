package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Names;
import dev.dkimagent.rules.model.RecordType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code dkim-agent.identities}: Easy DKIM tokens and explicit records per domain. */
final class IdentitiesReader {
    static final String SOURCE = "config";
    static final String DEFAULT_SIGNING_HOSTED_ZONE = "dkim.amazonses.com";
    static final List<String> KEYS = List.of("domain", "tokens", "signing-hosted-zone", "records");
    private static final int MAX_TOKENS = 3;
    private static final String TOKEN_LIST = "a list of 1 to " + MAX_TOKENS + " DKIM tokens";

    private IdentitiesReader() {
    }

    static List<Identity> read(Node identities) {
        List<Identity> result = new ArrayList<>();
        Map<String, Node> seenDomains = new HashMap<>();
        for (Node item : identities.list("a list of identities { domain = ..., tokens = [...] }")) {
            readOne(item, seenDomains).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<Identity> readOne(Node item, Map<String, Node> seenDomains) {
        if (!item.requireObject("an identity { domain = ..., tokens = [...] and/or records = [...] }")) {
            return Optional.empty();
        }
        KnownKeys.check(item, KEYS);
        Optional<String> domain = domain(item.child("domain"), seenDomains);
        Node tokens = item.child("tokens");
        Node records = item.child("records");
        if (!tokens.isSet() && !records.isSet()) {
            item.problem("an identity needs tokens (Easy DKIM) or records (any other provider), or both");
        }
        String zone = signingHostedZone(item.child("signing-hosted-zone"));
        List<ExpectedRecord> expected = new ArrayList<>();
        if (tokens.isSet()) {
            // with an invalid domain the identity is dropped; the tokens are still checked for their own problems
            expected.addAll(easyDkim(tokens, domain.orElse("invalid"), zone));
        }
        if (records.isSet()) {
            expected.addAll(RecordsReader.read(records, domain));
        }
        rejectRepeatedNames(item, expected);
        return domain.map(d -> new Identity(d, SOURCE, expected));
    }

    private static Optional<String> domain(Node node, Map<String, Node> seenDomains) {
        Optional<String> domain = node.string("a domain name, e.g. \"mycompany.com\"")
                .filter(text -> DnsNames.checkName(node, text))
                .map(Names::normal);
        domain.ifPresent(d -> {
            Node first = seenDomains.putIfAbsent(d, node);
            if (first != null) {
                node.problem("duplicate domain '" + d + "', already at " + first.path() + " ("
                        + Problems.fileOf(first.origin()) + ": " + first.origin().lineNumber()
                        + "); list each domain once");
            }
        });
        return domain;
    }

    private static String signingHostedZone(Node node) {
        if (!node.isSet()) {
            return DEFAULT_SIGNING_HOSTED_ZONE;
        }
        return node.string("a DNS name such as \"dkim.amazonses.com\"")
                .filter(text -> DnsNames.checkName(node, text))
                .map(Names::normal)
                .orElse(DEFAULT_SIGNING_HOSTED_ZONE);
    }

    /** One {@code <token>._domainkey.<domain> CNAME <token>.<zone>} per token. */
    private static List<ExpectedRecord> easyDkim(Node tokens, String domain, String zone) {
        List<Node> elements = tokens.list(TOKEN_LIST);
        if (tokens.type() == com.typesafe.config.ConfigValueType.LIST
                && (elements.isEmpty() || elements.size() > MAX_TOKENS)) {
            tokens.problem("expected " + TOKEN_LIST + ", got " + elements.size());
        }
        List<ExpectedRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node element : elements) {
            element.string("a DKIM token (one DNS label)")
                    .filter(text -> DnsNames.checkLabel(element, text))
                    .map(Names::normal)
                    .filter(token -> reportRepeatedToken(element, token, seen))
                    .ifPresent(token -> records.add(new ExpectedRecord(token, token + "._domainkey." + domain,
                            RecordType.CNAME, token + "." + zone)));
        }
        return records;
    }

    private static boolean reportRepeatedToken(Node element, String token, Set<String> seen) {
        if (seen.add(token)) {
            return true;
        }
        element.problem("token '" + token + "' is listed twice");
        return false;
    }

    /** Tokens and records of one identity must not expect the same name twice. */
    private static void rejectRepeatedNames(Node item, List<ExpectedRecord> expected) {
        Set<String> names = new HashSet<>();
        for (ExpectedRecord record : expected) {
            if (!names.add(record.name())) {
                item.problem("expects '" + record.name() + "' more than once (tokens and records overlap,"
                        + " or a record is repeated); list each name once");
            }
        }
    }
}
