package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
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
    public List<Finding> evaluate(Snapshot snapshot, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        RecordAtServer.judgeableByRecord(snapshot).forEach((rec, servers) -> {
            List<RecordAtServer> serving = servers.stream().filter(at -> !at.served().isEmpty()).toList();
            inconsistent(rec, serving).ifPresent(out::add);
            serving.forEach(at -> out.addAll(bounds(at, settings)));
        });
        return out;
    }

    private Optional<Finding> inconsistent(RecordInZone rec, List<RecordAtServer> serving) {
        Map<Long, List<RecordAtServer>> byTtl = ServerGroups.byValue(serving, Dkim03RecordTtl::ttl);
        if (byTtl.size() <= 1) {
            return Optional.empty();
        }
        String ttls = serving.stream().map(at -> at.server().display() + "=" + ttl(at))
                .collect(Collectors.joining(", "));
        return Optional.of(FindingBuilder.of(TTL_INCONSISTENT, rec.subject())
                .arg("name", rec.name())
                .arg("type", rec.record().type().name())
                .arg("ttls", ttls)
                .dig(ServerGroups.digs(byTtl, rec.record().type().name()))
                .build());
    }

    private List<Finding> bounds(RecordAtServer at, RuleSettings settings) {
        long ttl = ttl(at);
        long min = settings.ttlMin().toSeconds();
        long max = settings.ttlMax().toSeconds();
        if (ttl < min) {
            return List.of(perServer(at, TTL_TOO_LOW, ttl).arg("min", min).build());
        }
        if (ttl > max) {
            return List.of(perServer(at, TTL_TOO_HIGH, ttl).arg("max", max).build());
        }
        return List.of();
    }

    private FindingBuilder perServer(RecordAtServer at, Tag tag, long ttl) {
        String type = at.rec().record().type().name();
        return FindingBuilder.of(tag, at.subject())
                .arg("name", at.name())
                .arg("type", type)
                .arg("ttl", ttl)
                .dig(DigCommand.direct(at.server(), type, at.name()));
    }

    /** The TTL resolvers get: the smallest in the served RRset. */
    private static long ttl(RecordAtServer at) {
        return at.served().stream().mapToLong(Rr::ttl).min().orElseThrow();
    }
}
