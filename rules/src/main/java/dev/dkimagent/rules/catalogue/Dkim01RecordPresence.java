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
import java.util.Optional;
import java.util.TreeSet;

/** DKIM01: every usable authoritative server serves each expected record, of the right type and value. */
public final class Dkim01RecordPresence implements Rule {
    public static final String ID = "DKIM01";
    public static final Tag RECORD_MISSING = new Tag(ID, "RECORD_MISSING", Severity.ERROR);
    public static final Tag RECORD_WRONG_TARGET = new Tag(ID, "RECORD_WRONG_TARGET", Severity.ERROR);
    public static final Tag RECORD_WRONG_TYPE = new Tag(ID, "RECORD_WRONG_TYPE", Severity.ERROR);
    static final String ANY_KEY = "a DKIM key record (v=DKIM1; k=rsa; p=<base64 key>)";
    static final String OTHER_KEY_HINT = "another key than the configured value";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "Every authoritative nameserver serves each DKIM record with the expected type and value";
    }

    @Override
    public List<Tag> tags() {
        return List.of(RECORD_MISSING, RECORD_WRONG_TARGET, RECORD_WRONG_TYPE);
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (RecordAtServer at : RecordAtServer.judgeable(snapshot)) {
            judge(snapshot, at).ifPresent(out::add);
        }
        return out;
    }

    /** The finding for one record on one judgeable server, if it is missing or wrong (SES03 reuses this). */
    Optional<Finding> judge(Snapshot snapshot, RecordAtServer at) {
        return at.rec().expectsCname() ? judgeCname(snapshot, at) : judgeTxt(snapshot, at);
    }

    private Optional<Finding> judgeCname(Snapshot s, RecordAtServer at) {
        String expected = at.rec().record().value();
        Optional<Rr> cname = at.cname();
        if (cname.isPresent()) {
            String actual = cname.get().data();
            return actual.equals(expected) ? Optional.empty()
                    : Optional.of(wrongTarget(at, actual, TargetHint.of(expected, actual, at.rec().zone().apex())));
        }
        TreeSet<String> found = at.otherTypes();
        if (!at.primary().isNxdomain() && !found.isEmpty()) {
            return Optional.of(wrongType(at, found, found.first()));
        }
        return Optional.of(missing(s, at));
    }

    private Optional<Finding> judgeTxt(Snapshot s, RecordAtServer at) {
        if (at.primary().isNxdomain()) {
            return Optional.of(missing(s, at));
        }
        if (at.cname().isPresent()) {
            return Optional.of(wrongType(at, new TreeSet<>(List.of("CNAME")), "TXT"));
        }
        if (at.txts().isEmpty()) {
            return Optional.of(missing(s, at));
        }
        String wanted = squeeze(at.rec().record().value());
        boolean matches = wanted.isEmpty() || at.txts().stream().anyMatch(r -> squeeze(r.data()).equals(wanted));
        return matches ? Optional.empty() : Optional.of(wrongTarget(at, ServedValue.of(at), OTHER_KEY_HINT));
    }

    private Finding wrongTarget(RecordAtServer at, String actual, String hint) {
        return base(at, RECORD_WRONG_TARGET, type(at)).arg("actual", actual).arg("hint", hint).build();
    }

    private Finding wrongType(RecordAtServer at, TreeSet<String> found, String digType) {
        return base(at, RECORD_WRONG_TYPE, digType).arg("found", String.join(", ", found)).build();
    }

    private Finding missing(Snapshot s, RecordAtServer at) {
        Optional<SoaRecords.Soa> soa = NegativeCaching.soaFor(s, at);
        return base(at, RECORD_MISSING, type(at))
                .arg("negativeTtl", soa.map(x -> String.valueOf(x.negativeTtl())).orElse("unknown"))
                .arg("soaMinimum", soa.map(x -> String.valueOf(x.minimum())).orElse("unknown"))
                .arg("soaTtl", soa.map(x -> String.valueOf(x.ttl())).orElse("unknown"))
                .build();
    }

    private FindingBuilder base(RecordAtServer at, Tag tag, String digType) {
        return FindingBuilder.of(tag, at.subject())
                .arg("expected", expected(at))
                .arg("type", type(at))
                .arg("name", at.name())
                .dig(DigCommand.direct(at.server(), digType, at.name()));
    }

    private static String type(RecordAtServer at) {
        return at.rec().record().type().name();
    }

    private static String expected(RecordAtServer at) {
        String value = at.rec().record().value();
        return value == null || value.isBlank() ? ANY_KEY : value;
    }

    private static String squeeze(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }
}
