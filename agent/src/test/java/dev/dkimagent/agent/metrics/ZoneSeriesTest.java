package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-zone publishing: a zone's series are replaced when it is published again, removed when it leaves. */
class ZoneSeriesTest {
    private final AgentMetrics metrics = new AgentMetrics("0.1.0");

    private List<String> samples() {
        return Exposition.samples(metrics.registry());
    }

    @Test
    void publishZone_againWithFewerRecords_replacesOnlyThatZonesSeries() {
        metrics.publishZone("example.com", snapshot(), List.of());
        metrics.publishZone("other.org", other(), List.of());

        metrics.publishZone("example.com", snapshot(List.of(T1)), List.of());

        assertThat(samples()).noneMatch(l -> l.contains("selector=\"t2\""))
                .anyMatch(l -> l.startsWith("dkim_record_ok{") && l.contains("selector=\"t1\""))
                .anyMatch(l -> l.startsWith("dkim_zone_discovered{zone=\"other.org\""));
    }

    @Test
    void retainZones_zoneLeftTheInventory_itsSeriesAndFindingsGo() {
        metrics.publishZone("example.com", snapshot(), List.of(firing("example.com", "example.com")));
        metrics.publishZone("other.org", other(), List.of(firing("other.org", "other.org")));

        metrics.retainZones(Set.of("other.org"));

        assertThat(samples()).noneMatch(l -> l.contains("example.com"))
                .contains("dkim_findings{identity=\"other.org\",zone=\"other.org\",account=\"\",region=\"\",rule=\"DKIM01\","
                        + "tag=\"RECORD_MISSING\",level=\"error\",severity=\"error\",} 1.0");
    }

    @Test
    void publishZone_sameFindingLabelsFromTwoZones_countsAddUp() {
        metrics.publishZone("a.test", nothing(), List.of(firing("", "")));
        metrics.publishZone("b.test", nothing(), List.of(firing("", ""), firing("", "")));

        assertThat(samples()).contains(
                "dkim_findings{identity=\"\",zone=\"\",account=\"\",region=\"\",rule=\"DKIM01\","
                        + "tag=\"RECORD_MISSING\",level=\"error\",severity=\"error\",} 3.0");
    }

    @Test
    void scrape_afterAPublish_seesIt_andTwoScrapesWithoutOneAreTheSame() {
        metrics.publishZone("example.com", snapshot(), List.of());
        String first = Exposition.text(metrics.registry());

        assertThat(Exposition.text(metrics.registry())).isEqualTo(first);
        metrics.publishZone("other.org", other(), List.of());
        assertThat(Exposition.text(metrics.registry())).contains("other.org").isNotEqualTo(first);
    }

    private static FiringFinding firing(String identity, String zone) {
        return FiringFinding.dns(identity, zone, "DKIM01", "RECORD_MISSING", "error");
    }

    /** other.org, not discovered: one zone gauge, no server series. */
    private static Snapshot other() {
        return new Snapshot(AT, List.<Identity>of(), Map.of("other.org", ZoneView.failed("other.org", "no SOA")),
                Map.of(), Map.of(), Map.of());
    }

    private static Snapshot nothing() {
        return new Snapshot(AT, List.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }
}
