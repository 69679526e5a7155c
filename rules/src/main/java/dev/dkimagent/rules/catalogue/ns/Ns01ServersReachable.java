package dev.dkimagent.rules.catalogue.ns;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.catalogue.FindingBuilder;
import dev.dkimagent.rules.matrix.NotJudged;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.ArrayList;
import java.util.List;

/** NS01: each identity's zone was found, every NS host has an address, and every address replies. */
public final class Ns01ServersReachable implements Rule {
    public static final String ID = "NS01";
    public static final Tag NS_UNREACHABLE = new Tag(ID, "NS_UNREACHABLE", Severity.ERROR, Tag.Kind.SERVER_NOT_HEARD);
    public static final Tag ZONE_UNRESOLVED = new Tag(ID, "ZONE_UNRESOLVED", Severity.ERROR, Tag.Kind.ZONE_NOT_FOUND);
    public static final Tag NS_NO_ADDRESS = new Tag(ID, "NS_NO_ADDRESS", Severity.ERROR);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "The zone of every identity is found, each of its NS hosts has an address, and each address replies";
    }

    @Override
    public List<Tag> tags() {
        return List.of(NS_UNREACHABLE, ZONE_UNRESOLVED, NS_NO_ADDRESS);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        Snapshot snapshot = evaluation.snapshot();
        List<Finding> out = new ArrayList<>(ServerProblemFindings.of(evaluation, NS_UNREACHABLE, NotJudged.Reason.NO_REPLY));
        for (Identity identity : snapshot.identities()) {
            unresolved(snapshot, identity, out);
        }
        out.addAll(unaddressed(evaluation));
        return out;
    }

    /** One finding per zone and NS host that has no address: resolvers that pick that host fail. */
    private static List<Finding> unaddressed(Evaluation e) {
        List<Finding> out = new ArrayList<>();
        for (ZoneMatrix matrix : e.matrices().values()) {
            ZoneView zone = matrix.view();
            zone.unaddressedHosts().forEach((host, reason) -> out.add(
                    FindingBuilder.of(NS_NO_ADDRESS, Subject.server(zone.apex(), host, null))
                            .arg("reason", reason)
                            .dig(DigCommand.resolver("A", host))
                            .build()));
        }
        return out;
    }

    /** Adds one finding per record without a zone, and one per zone that could not be used. */
    private void unresolved(Snapshot s, Identity identity, List<Finding> out) {
        List<ExpectedRecord> records = identity.records();
        String[] apexes = new String[records.size()]; // a few records per identity: a scan, not a set
        for (int i = 0; i < records.size(); i++) {
            ExpectedRecord r = records.get(i);
            String apex = s.zoneOfName().get(r.name());
            apexes[i] = apex;
            if (apex == null) {
                out.add(finding(new Subject(identity.name(), null, r.selector(), null, null), r.name(),
                        "no zone was found for this name"));
            } else if (!seenBefore(apexes, i)) {
                String why = whyUnusable(s.zones().get(apex), apex);
                if (why != null) {
                    out.add(finding(new Subject(identity.name(), apex, null, null, null), apex, why));
                }
            }
        }
    }

    private static boolean seenBefore(String[] apexes, int i) {
        for (int j = 0; j < i; j++) {
            if (apexes[i].equals(apexes[j])) {
                return true;
            }
        }
        return false;
    }

    private static String whyUnusable(ZoneView zone, String apex) {
        if (zone == null) {
            return "zone " + apex + " was not discovered";
        }
        if (!zone.discovered()) {
            return zone.discoveryError();
        }
        return zone.servers().isEmpty() ? "no nameserver addresses were found" : null;
    }

    private Finding finding(Subject subject, String name, String reason) {
        return FindingBuilder.of(ZONE_UNRESOLVED, subject)
                .arg("name", name)
                .arg("reason", reason)
                .dig(DigCommand.resolver("SOA", name))
                .build();
    }
}
