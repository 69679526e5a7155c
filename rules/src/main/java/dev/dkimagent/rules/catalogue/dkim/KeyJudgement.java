package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.matrix.KeyObservation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What is wrong with the DKIM key a name publishes, as a DKIM05 tag and its args: KEY_NOT_READ
 * when the resolvers gave no usable answer; empty when the key is usable or was not asked for.
 */
record KeyJudgement(Tag tag, Map<String, String> args) {
    static final Tag KEY_MISSING = new Tag("DKIM05", "KEY_MISSING", Severity.ERROR, Tag.Kind.KEY);
    static final Tag KEY_REVOKED = new Tag("DKIM05", "KEY_REVOKED", Severity.ERROR, Tag.Kind.KEY);
    static final Tag KEY_WEAK = new Tag("DKIM05", "KEY_WEAK", Severity.WARNING, Tag.Kind.KEY);
    /** The resolvers gave no usable answer: the key was not judged, and that is said, never passed as OK. */
    static final Tag KEY_NOT_READ = new Tag("DKIM05", "KEY_NOT_READ", Severity.ERROR);
    static final int MIN_BITS = 2048;

    /** Judges the resolvers' TXT answer at a CNAME target (the answer may hold the CNAME chain). */
    static Optional<KeyJudgement> ofObservation(KeyObservation key) {
        return ofObservation(key, KeyJudgement::ofTxts);
    }

    private static Optional<KeyJudgement> ofObservation(KeyObservation key,
                                                        Function<List<String>, Optional<KeyJudgement>> judge) {
        return switch (key.status()) {
            case UNKNOWN -> Optional.empty();
            case NOT_READ -> Optional.of(new KeyJudgement(KEY_NOT_READ, Map.of("reason", key.detail())));
            case NO_NAME -> Optional.of(missing("the name does not exist (NXDOMAIN)"));
            case NO_TXT -> Optional.of(missing("the name has no TXT record (NODATA)"));
            case TXT -> judge.apply(key.txts());
        };
    }

    /** Judges the TXT values one name serves. */
    static Optional<KeyJudgement> ofTxts(List<String> txts) {
        Optional<DkimKey> key = DkimKey.firstKey(txts);
        if (key.isEmpty()) {
            return Optional.of(missing("no TXT record with a p= tag"));
        }
        DkimKey k = key.get();
        return switch (k.status()) {
            case REVOKED -> Optional.of(new KeyJudgement(KEY_REVOKED, Map.of()));
            case UNPARSEABLE, NO_KEY_TAG -> Optional.of(missing(k.problem()));
            case RSA -> k.bits() < MIN_BITS
                    ? Optional.of(new KeyJudgement(KEY_WEAK, Map.of("bits", String.valueOf(k.bits()))))
                    : Optional.empty();
            case OTHER_ALGORITHM -> Optional.empty();
        };
    }

    /**
     * Judgements for one evaluation, each distinct list of TXT values parsed once: thousands of
     * records often lead to one key (SES's keys, a provider's), and an RSA parse costs microseconds.
     */
    static final class Cache {
        private final Map<List<String>, Optional<KeyJudgement>> byTxts = new HashMap<>();

        Optional<KeyJudgement> ofObservation(KeyObservation key) {
            return KeyJudgement.ofObservation(key, this::ofTxts);
        }

        Optional<KeyJudgement> ofTxts(List<String> txts) {
            return byTxts.computeIfAbsent(txts, KeyJudgement::ofTxts);
        }
    }

    private static KeyJudgement missing(String reason) {
        return new KeyJudgement(KEY_MISSING, Map.of("reason", reason));
    }
}
