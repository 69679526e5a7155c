package dev.dkimagent.rules.catalogue.dkim;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.catalogue.Rows;
import dev.dkimagent.rules.matrix.Cell;
import dev.dkimagent.rules.matrix.RecordRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** DKIM03: a DKIM record's TTL is the same everywhere and within the configured bounds. */
public final class Dkim03RecordTtl implements Rule {
    public static final String ID = "DKIM03";
    public static final Tag TTL_INCONSISTENT = new Tag(ID, "TTL_INCONSISTENT", Severity.WARNING);
    public static final Tag TTL_TOO_LOW = new Tag(ID, "TTL_TOO_LOW", Severity.WARNING);
    public static final Tag TTL_TOO_HIGH = new Tag(ID, "TTL_TOO_HIGH", Severity.WARNING);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "Each DKIM record has one TTL on every nameserver, within the configured bounds";
    }

    @Override
    public List<Tag> tags() {
        return List.of(TTL_INCONSISTENT, TTL_TOO_LOW, TTL_TOO_HIGH);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (RecordRow row : evaluation.rows()) { // loops, not streams: 30,000 rows for 10,000 identities
            judge(row, settings, out); // a call per row: C1 compiles it early, a long loop body only late (OSR)
        }
        return out;
    }

    private void judge(RecordRow row, RuleSettings settings, List<Finding> out) {
        List<Cell> serving = serving(row);
        addIfPresent(out, inconsistent(row, serving));
        for (int i = 0; i < serving.size(); i++) {
            addIfPresent(out, bounds(row, serving.get(i), settings));
        }
    }

    private static void addIfPresent(List<Finding> out, Optional<Finding> finding) {
        if (finding.isPresent()) {
            out.add(finding.get());
        }
    }

    /** The judged cells that serve a TTL: usually all of the row's, without a copy. */
    private static List<Cell> serving(RecordRow row) {
        List<Cell> judged = row.judged();
        for (int i = 0; i < judged.size(); i++) {
            if (judged.get(i).ttl().isEmpty()) {
                return judged.stream().filter(c -> c.ttl().isPresent()).toList();
            }
        }
        return judged;
    }

    private Optional<Finding> inconsistent(RecordRow row, List<Cell> serving) {
        if (oneTtl(serving)) {
            return Optional.empty(); // the usual case, decided without grouping
        }
        Map<Long, List<Cell>> byTtl = ServerGroups.byValue(serving, Dkim03RecordTtl::ttl);
        if (byTtl.size() <= 1) {
            return Optional.empty();
        }
        String ttls = serving.stream().map(c -> c.server().display() + "=" + ttl(c)).collect(Collectors.joining(", "));
        return Optional.of(FindingBuilder.of(TTL_INCONSISTENT, Rows.subject(row))
                .arg("name", row.name())
                .arg("type", Rows.type(row))
                .arg("ttls", ttls)
                .dig(ServerGroups.digs(byTtl, Rows.type(row), row.name()))
                .build());
    }

    private Optional<Finding> bounds(RecordRow row, Cell cell, RuleSettings settings) {
        long ttl = ttl(cell);
        long min = settings.ttlMin().toSeconds();
        long max = settings.ttlMax().toSeconds();
        if (ttl < min) {
            return Optional.of(perServer(row, cell, TTL_TOO_LOW, ttl).arg("min", min).build());
        }
        if (ttl > max) {
            return Optional.of(perServer(row, cell, TTL_TOO_HIGH, ttl).arg("max", max).build());
        }
        return Optional.empty();
    }

    private FindingBuilder perServer(RecordRow row, Cell cell, Tag tag, long ttl) {
        return FindingBuilder.of(tag, Rows.subject(row, cell.server()))
                .arg("name", row.name())
                .arg("type", Rows.type(row))
                .arg("ttl", ttl)
                .dig(Rows.dig(row, cell, Rows.type(row)));
    }

    private static boolean oneTtl(List<Cell> cells) {
        for (int i = 1; i < cells.size(); i++) {
            if (ttl(cells.get(i)) != ttl(cells.get(0))) {
                return false;
            }
        }
        return true;
    }

    /** The TTL resolvers get: the smallest in the served RRset. */
    private static long ttl(Cell cell) {
        return cell.ttl().orElseThrow();
    }
}
