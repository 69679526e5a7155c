package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DKIM05: the key a DKIM record leads to exists, is not revoked, and is at least 2048 bits. */
public final class Dkim05KeyUsable implements Rule {
    public static final String ID = "DKIM05";
    public static final Tag KEY_MISSING = KeyJudgement.KEY_MISSING;
    public static final Tag KEY_REVOKED = KeyJudgement.KEY_REVOKED;
    public static final Tag KEY_WEAK = KeyJudgement.KEY_WEAK;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "The DKIM key behind each record exists, is not revoked and is at least 2048 bits";
    }

    @Override
    public List<Tag> tags() {
        return List.of(KEY_MISSING, KEY_REVOKED, KEY_WEAK);
    }

    @Override
    public List<Finding> evaluate(Snapshot snapshot, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        KeyJudgement.Cache keys = new KeyJudgement.Cache();
        for (RecordInZone rec : RecordInZone.all(snapshot)) {
            if (rec.expectsCname()) {
                String target = rec.record().value();
                snapshot.keyAnswer(target).flatMap(keys::ofResolverAnswer)
                        .ifPresent(j -> out.add(finding(rec, target, j)));
            }
        }
        RecordAtServer.judgeableByRecord(snapshot).forEach((rec, servers) -> {
            if (!rec.expectsCname()) {
                out.addAll(servedTxtKeys(rec, servers, keys));
            }
        });
        return out;
    }

    /** One finding per tag for a TXT record, however many servers show it (the first server's args). */
    private List<Finding> servedTxtKeys(RecordInZone rec, List<RecordAtServer> servers, KeyJudgement.Cache keys) {
        Map<Tag, KeyJudgement> byTag = new LinkedHashMap<>();
        for (RecordAtServer at : servers) {
            List<String> txts = at.txts().stream().map(Rr::data).toList();
            Optional<KeyJudgement> j = txts.isEmpty() ? Optional.empty() : keys.ofTxts(txts);
            j.ifPresent(x -> byTag.putIfAbsent(x.tag(), x));
        }
        return byTag.values().stream().map(j -> finding(rec, rec.name(), j)).toList();
    }

    private Finding finding(RecordInZone rec, String target, KeyJudgement j) {
        FindingBuilder b = FindingBuilder.of(j.tag(), rec.subject())
                .arg("target", target)
                .dig(DigCommand.resolver("TXT", target));
        j.args().forEach(b::arg);
        return b.build();
    }
}
