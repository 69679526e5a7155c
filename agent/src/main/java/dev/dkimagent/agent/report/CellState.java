package dev.dkimagent.agent.report;

import dev.dkimagent.rules.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The word shown in one cell of the selector x nameserver matrix. */
final class CellState {
    static final String OK = "ok";

    private static final Map<String, String> WORD_BY_TAG = Map.ofEntries(
            Map.entry("RECORD_MISSING", "MISSING"),
            Map.entry("RECORD_WRONG_TARGET", "WRONG"),
            Map.entry("RECORD_WRONG_TYPE", "WRONG-TYPE"),
            Map.entry("CNAME_AND_OTHER_DATA", "CNAME+DATA"),
            Map.entry("NS_UNREACHABLE", "NO-REPLY"),
            Map.entry("NS_NOT_AUTHORITATIVE", "LAME"),
            Map.entry("TTL_TOO_LOW", "ttl-low"),
            Map.entry("TTL_TOO_HIGH", "ttl-high"));

    private CellState() {
    }

    /** The worst cell-level verdict's word, or "ok"; verdicts without a cell word do not colour the cell. */
    static String of(List<Verdict> cellVerdicts) {
        return cellVerdicts.stream()
                .filter(v -> WORD_BY_TAG.containsKey(v.finding().tag()))
                .min(Comparator.comparing(Verdict::severity))
                .map(v -> WORD_BY_TAG.get(v.finding().tag()))
                .orElse(OK);
    }
}
