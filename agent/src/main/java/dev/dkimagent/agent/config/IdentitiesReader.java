package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code dkim-agent.identities}: Easy DKIM tokens and explicit records per domain. */
final class IdentitiesReader {
    static final List<String> KEYS = List.of("domain", "tokens", "signing-hosted-zone", "records");
    private static final String TOKEN_LIST = "a list of 1 to " + EasyDkim.MAX_TOKENS + " DKIM tokens";

    private IdentitiesReader() {
    }

    /** The identities; each domain is noted in {@code seenDomains}, which reports one listed twice. */
    static List<Identity> read(Node identities, DomainPlaces seenDomains) {
        List<Identity> result = new ArrayList<>();
        for (Node item : identities.list("a list of identities { domain = ..., tokens = [...] }")) {
            readOne(item, seenDomains).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<Identity> readOne(Node item, DomainPlaces seenDomains) {
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
        return domain.map(d -> new Identity(d, EasyDkim.SOURCE, expected));
    }

    private static Optional<String> domain(Node node, DomainPlaces seenDomains) {
        Optional<String> domain = node.string("a domain name, e.g. \"mycompany.com\"")
                .flatMap(text -> EasyDkim.name(text, node::problem));
        domain.ifPresent(d -> seenDomains.add(d, new KeyPlace(node)).ifPresent(node::problem));
        return domain;
    }

    /** An identity's {@code domain} key: its path, and its file and line. */
    private record KeyPlace(Node node) implements DomainPlaces.Place {
        @Override
        public String describe() {
            return node.path() + " (" + Problems.fileOf(node.origin()) + ": " + node.origin().lineNumber() + ")";
        }
    }

    private static String signingHostedZone(Node node) {
        if (!node.isSet()) {
            return EasyDkim.DEFAULT_SIGNING_HOSTED_ZONE;
        }
        return node.string("a DNS name such as \"dkim.amazonses.com\"")
                .flatMap(text -> EasyDkim.name(text, node::problem))
                .orElse(EasyDkim.DEFAULT_SIGNING_HOSTED_ZONE);
    }

    /** One {@code <token>._domainkey.<domain> CNAME <token>.<zone>} per token. */
    private static List<ExpectedRecord> easyDkim(Node tokens, String domain, String zone) {
        List<Node> elements = tokens.list(TOKEN_LIST);
        if (tokens.type() == com.typesafe.config.ConfigValueType.LIST && !EasyDkim.isTokenCount(elements.size())) {
            tokens.problem("expected " + TOKEN_LIST + ", got " + elements.size());
        }
        List<ExpectedRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node element : elements) {
            element.string("a DKIM token (one DNS label)")
                    .flatMap(text -> EasyDkim.record(text, domain, zone, seen, element::problem))
                    .ifPresent(records::add);
        }
        return records;
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
