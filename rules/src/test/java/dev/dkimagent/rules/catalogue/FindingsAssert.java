package dev.dkimagent.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Verdict;
import java.util.List;

/**
 * Exact-set assertions on an evaluation. Each finding is written {@code RULE.TAG@selector@address},
 * with {@code -} for a subject field that is null: {@code DKIM01.RECORD_MISSING@t2@127.0.0.13},
 * {@code SOA01.MULTIPLE_SOA_SERIALS@-@127.0.0.13}, {@code NS03.DELEGATION_MISMATCH@-@-}.
 * Every rendered message and remediation is also checked for unreplaced placeholders.
 */
final class FindingsAssert {
    private final List<Verdict> verdicts;

    private FindingsAssert(List<Verdict> verdicts) {
        this.verdicts = verdicts;
    }

    static FindingsAssert assertFindings(List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            assertThat(v.message()).as(v.finding().code() + " message").doesNotContainPattern("\\{[a-zA-Z0-9_]+}");
            assertThat(v.remediation()).as(v.finding().code() + " remediation").doesNotContainPattern("\\{[a-zA-Z0-9_]+}");
        }
        return new FindingsAssert(verdicts);
    }

    static String shortForm(Finding f) {
        return f.code() + "@" + dash(f.subject().selector()) + "@" + dash(f.subject().address());
    }

    FindingsAssert exactly(String... expected) {
        assertThat(verdicts.stream().map(v -> shortForm(v.finding())).toList()).containsExactlyInAnyOrder(expected);
        return this;
    }

    FindingsAssert none() {
        return exactly();
    }

    /** The one finding with this short form (fails when there is not exactly one). */
    Finding the(String shortForm) {
        List<Finding> matching = verdicts.stream().map(Verdict::finding).filter(f -> shortForm(f).equals(shortForm)).toList();
        assertThat(matching).as(shortForm).hasSize(1);
        return matching.get(0);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
