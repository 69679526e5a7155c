package dev.dkimagent.agent.config;

import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Names;
import dev.dkimagent.rules.model.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the explicit records of one identity: {@code { name = ..., type = CNAME | TXT, value = ... }}. */
final class RecordsReader {
    static final List<String> KEYS = List.of("name", "type", "value");
    private static final String RECORD = "a record { name = ..., type = CNAME | TXT, value = ... }";

    private RecordsReader() {
    }

    /** The records; {@code domain} is empty when the identity's own domain is invalid. */
    static List<ExpectedRecord> read(Node records, Optional<String> domain) {
        List<Node> elements = records.list("a list of records");
        if (records.type() == com.typesafe.config.ConfigValueType.LIST && elements.isEmpty()) {
            records.problem("expected a list of 1 or more records, got 0");
        }
        List<ExpectedRecord> result = new ArrayList<>();
        for (Node element : elements) {
            readOne(element, domain).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<ExpectedRecord> readOne(Node record, Optional<String> domain) {
        if (!record.requireObject(RECORD)) {
            return Optional.empty();
        }
        KnownKeys.check(record, KEYS);
        Optional<String> name = name(record.child("name"), domain);
        Optional<RecordType> type = type(record.child("type"));
        Optional<String> value = type.flatMap(t -> value(record.child("value"), t));
        if (name.isEmpty() || type.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExpectedRecord(ExpectedRecord.selectorOf(name.get()), name.get(), type.get(),
                value.get()));
    }

    private static Optional<String> name(Node node, Optional<String> domain) {
        return node.string("a record name, e.g. \"s1._domainkey.example.org\"")
                .filter(text -> DnsNames.checkName(node, text))
                .map(Names::normal)
                .filter(name -> domain.isEmpty() || isAtOrBelow(node, name, domain.get()));
    }

    private static boolean isAtOrBelow(Node node, String name, String domain) {
        if (Names.isAtOrBelow(name, domain)) {
            return true;
        }
        node.problem("expected a name at or below '" + domain + "', got '" + name + "'");
        return false;
    }

    private static Optional<RecordType> type(Node node) {
        return node.string("CNAME or TXT").flatMap(text -> {
            try {
                return Optional.of(RecordType.valueOf(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                node.problem("expected CNAME or TXT, got " + node.describe());
                return Optional.empty();
            }
        });
    }

    /** CNAME: the target, required. TXT: the expected key text, or "" for any valid DKIM key. */
    private static Optional<String> value(Node node, RecordType type) {
        if (type == RecordType.TXT) {
            return node.isSet() ? node.string("the expected TXT text, e.g. \"v=DKIM1; k=rsa; p=...\"") : Optional.of("");
        }
        return node.string("the CNAME target, a DNS name")
                .filter(text -> DnsNames.checkName(node, text));
    }
}
