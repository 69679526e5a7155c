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
        // with an invalid domain the identity is dropped; the tokens are still checked for their own problems
        List<String> easyDkimTokens = tokens.isSet() ? tokens(tokens) : List.of();
        List<ExpectedRecord> easyDkim = EasyDkim.records(domain.orElse("invalid"), zone, easyDkimTokens);
        List<ExpectedRecord> expected = records.isSet() ? withRecords(easyDkim, records, domain) : easyDkim;
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

    /** Tokens and explicit records: a plain list of both. */
    private static List<ExpectedRecord> withRecords(List<ExpectedRecord> easyDkim, Node records,
                                                    Optional<String> domain) {
        List<ExpectedRecord> both = new ArrayList<>(easyDkim);
        both.addAll(RecordsReader.read(records, domain));
        return both;
    }

    /** The identity's tokens, lower case, each checked. */
    private static List<String> tokens(Node tokens) {
        List<Node> elements = tokens.list(TOKEN_LIST);
        if (tokens.type() == com.typesafe.config.ConfigValueType.LIST && !EasyDkim.isTokenCount(elements.size())) {
            tokens.problem("expected " + TOKEN_LIST + ", got " + elements.size());
        }
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node element : elements) {
            element.string("a DKIM token (one DNS label)")
                    .flatMap(text -> EasyDkim.token(text, seen, element::problem))
                    .ifPresent(valid::add);
        }
        return valid;
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
