package dev.dkimagent.agent.metrics;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Names;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether one server serves one expected record right, judged without the rules (metrics must
 * not depend on rule levels): an authoritative reply whose answer holds the expected CNAME
 * target, or for TXT the configured key text (any TXT when none is configured).
 *
 * @param ok  served right
 * @param ttl the TTL of the matching record; when none matches, of the first record of the
 *            expected type (a wrong target still has a TTL worth seeing); empty when none
 */
public record ServedRecord(boolean ok, OptionalLong ttl) {

    private static final ServedRecord NOT_SERVED = new ServedRecord(false, OptionalLong.empty());

    public static ServedRecord judge(ExpectedRecord expected, Optional<Answer> answer) {
        return answer.filter(Answer::isAuthoritativeReply).map(a -> judge(expected, a)).orElse(NOT_SERVED);
    }

    private static ServedRecord judge(ExpectedRecord expected, Answer answer) {
        List<Rr> ofType = answer.recordsOfType(expected.type().name()).stream()
                .filter(rr -> rr.name().equals(expected.name()))
                .toList();
        Optional<Rr> match = ofType.stream().filter(rr -> matches(expected, rr)).findFirst();
        if (match.isPresent()) {
            return new ServedRecord(true, OptionalLong.of(match.get().ttl()));
        }
        return ofType.isEmpty() ? NOT_SERVED : new ServedRecord(false, OptionalLong.of(ofType.get(0).ttl()));
    }

    static boolean matches(ExpectedRecord expected, Rr rr) {
        if (expected.type() == RecordType.CNAME) {
            return Names.normal(rr.data()).equals(Names.normal(expected.value()));
        }
        String want = expected.value() == null ? "" : expected.value();
        // a key split into strings or re-wrapped by a provider differs only in white space
        return want.isBlank() || withoutSpace(rr.data()).equals(withoutSpace(want));
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
