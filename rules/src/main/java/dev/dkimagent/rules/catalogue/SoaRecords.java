package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the SOA out of an answer to an SOA query (presentation-format data, or the authority SOA). */
final class SoaRecords {
    private static final int FIELDS = 7;

    private SoaRecords() {
    }

    /** The SOA served in {@code a}, if any parses; else the authority-section SOA, if any. */
    static Optional<Soa> of(Answer a) {
        for (Rr rr : a.recordsOfType("SOA")) {
            Optional<Soa> parsed = parse(rr);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.ofNullable(a.authoritySoa()).map(s -> new Soa(s.serial(), s.minimum(), s.ttl()));
    }

    /** "mname rname serial refresh retry expire minimum", parentheses tolerated. */
    static Optional<Soa> parse(Rr rr) {
        List<String> f = Arrays.stream(rr.data().replace("(", " ").replace(")", " ").trim().split("\\s+"))
                .filter(x -> !x.isEmpty()).toList();
        if (f.size() < FIELDS) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Soa(Long.parseLong(f.get(2)), Long.parseLong(f.get(6)), rr.ttl()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The SOA fields the rules use. */
    record Soa(long serial, long minimum, long ttl) {
        /** RFC 2308: resolvers cache a negative answer for min(SOA TTL, SOA MINIMUM). */
        long negativeTtl() {
            return Math.min(ttl, minimum);
        }
    }
}
