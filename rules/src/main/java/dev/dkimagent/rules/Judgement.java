package dev.dkimagent.rules;

import dev.dkimagent.rules.matrix.ZoneMatrix;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation's result: the verdicts (worst first, stable order) and the zone matrices they were
 * judged from. Reports, metrics and the alert lifecycle read the same matrices.
 */
public final class Judgement {
    private final List<Verdict> verdicts;
    private final Map<String, ZoneMatrix> matrices;
    private final Map<String, Tag> tagsByCode;
    private final java.util.Set<String> canaryIdentities;

    Judgement(List<Verdict> verdicts, Map<String, ZoneMatrix> matrices, Map<String, Tag> tagsByCode,
              java.util.Set<String> canaryIdentities) {
        this.verdicts = List.copyOf(verdicts);
        this.matrices = matrices;
        this.tagsByCode = Map.copyOf(tagsByCode);
        this.canaryIdentities = java.util.Set.copyOf(canaryIdentities);
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    /** One matrix per zone apex, ordered by apex. */
    public Map<String, ZoneMatrix> matrices() {
        return matrices;
    }

    public Optional<ZoneMatrix> matrix(String apex) {
        return Optional.ofNullable(apex == null ? null : matrices.get(apex));
    }

    /**
     * Could this judgement have seen a finding again, given as its persisted strings? A finding
     * in a zone that was not found, or about an address (and selector) that was not heard, was not
     * judged: it keeps its state instead of being resolved by blindness. Findings that say a zone
     * or server could not be seen are judged whenever their zone and server were looked at. A key
     * finding is judged only where the key was read (a resolver failure keeps it as it was). A zone
     * this judgement does not hold is judged only for findings without an address. A canary
     * finding is judged only when this judgement had a canary round of its identity.
     */
    public boolean couldSee(String rule, String tag, String identity, String zone, String selector, String address) {
        Tag.Kind kind = Optional.ofNullable(tagsByCode.get(rule + "." + tag)).map(Tag::kind).orElse(Tag.Kind.PROBLEM);
        if (kind == Tag.Kind.CANARY_ROUND) {
            return canaryIdentities.contains(identity);
        }
        Optional<ZoneMatrix> m = matrix(zone);
        if (m.isPresent() && !m.get().found() && kind != Tag.Kind.ZONE_NOT_FOUND) {
            return false;
        }
        if (kind == Tag.Kind.KEY && m.map(x -> x.keyNotRead(identity, selector)).orElse(false)) {
            return false;
        }
        if (address == null || kind == Tag.Kind.SERVER_NOT_HEARD) {
            return true;
        }
        return m.map(x -> x.couldSee(identity, selector, address)).orElse(false);
    }
}
