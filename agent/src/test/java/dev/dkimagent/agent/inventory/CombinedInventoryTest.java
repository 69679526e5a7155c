package dev.dkimagent.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.inventory.ses.SesScan;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.SesView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CombinedInventoryTest {
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";

    @Test
    void update_pairTurnsBlind_keepsItsStatesAndRecordsFromTheLastScan() {
        CombinedInventory inventory = new CombinedInventory(List.of());
        inventory.update(scan(List.of(state("a.test", EU, "e1")), List.of(), identity("a.test", "e1")));

        inventory.update(scan(List.of(), List.of(denied(EU))));

        assertThat(inventory.sesView().states()).extracting(SesIdentityState::identity).containsExactly("a.test");
        assertThat(selectors(inventory)).containsExactly("e1");
        assertThat(inventory.sesView().errors()).hasSize(1);
    }

    @Test
    void update_otherPairBlind_neverBringsBackTokensThisPairRotatedAway() {
        CombinedInventory inventory = new CombinedInventory(List.of());
        inventory.update(scan(List.of(state("a.test", US, "old")), List.of(), identity("a.test", "old")));

        inventory.update(scan(List.of(state("a.test", US, "new")), List.of(denied(EU)), identity("a.test", "new")));

        assertThat(selectors(inventory)).containsExactly("new");
    }

    @Test
    void update_configuredIdentityAndSesIdentityOfOneDomain_areCheckedOnce() {
        CombinedInventory inventory = new CombinedInventory(List.of(identity("a.test", "c1")));

        inventory.update(scan(List.of(state("a.test", US, "s1")), List.of(), identity("a.test", "s1")));

        assertThat(inventory.identities()).hasSize(1);
        assertThat(selectors(inventory)).containsExactly("c1", "s1");
    }

    @Test
    void update_withMemory_judgesTheScanAgainstTheMemoryGiven() {
        CombinedInventory inventory = new CombinedInventory(List.of());
        SesMemory before = new SesMemory(DkimStatus.SUCCESS, null, List.of("old"));
        SesIdentityState now = state("a.test", US, "new");

        inventory.update(scan(List.of(now), List.of(), identity("a.test", "new")), Map.of(SesView.memoryKey(now), before));

        assertThat(inventory.sesView().memory()).containsExactly(Map.entry(SesView.memoryKey(now), before));
        assertThat(inventory.sesView()).as("the same view until the next scan").isSameAs(inventory.sesView());
    }

    @Test
    void adopt_storedView_isJudgedAsStored_andTheNextScanCarriesBlindPairsOverFromIt() {
        CombinedInventory inventory = new CombinedInventory(List.of(identity("c.test", "c1")));
        SesIdentityState eu = state("a.test", EU, "e1");
        SesView stored = new SesView(List.of(eu), List.of(), Map.of(SesView.memoryKey(eu),
                new SesMemory(DkimStatus.SUCCESS, null, List.of("e0"))));

        inventory.adopt(List.of(identity("a.test", "e1")), stored);

        assertThat(inventory.sesView()).isEqualTo(stored);
        assertThat(inventory.sesIdentities()).extracting(Identity::name).containsExactly("a.test");
        assertThat(selectors(inventory)).containsExactly("c1", "e1");

        inventory.update(scan(List.of(), List.of(denied(EU))));

        assertThat(inventory.sesView().states()).containsExactly(eu);
        assertThat(selectors(inventory)).containsExactly("c1", "e1");
    }

    private static List<String> selectors(CombinedInventory inventory) {
        return inventory.identities().stream().flatMap(i -> i.records().stream()).map(ExpectedRecord::selector).toList();
    }

    private static SesScan scan(List<SesIdentityState> states, List<SesApiError> errors, Identity... identities) {
        return new SesScan(List.of(identities), new SesView(states, errors, Map.of()));
    }

    private static SesApiError denied(String region) {
        return new SesApiError("default", region, "ListIdentities", "AccessDenied");
    }

    private static Identity identity(String domain, String token) {
        return new Identity(domain, "ses", List.of(new ExpectedRecord(token, token + "._domainkey." + domain,
                RecordType.CNAME, token + ".dkim.amazonses.com")));
    }

    private static SesIdentityState state(String domain, String region, String token) {
        return new SesIdentityState(domain, "default", region, DkimStatus.SUCCESS, true, "AWS_SES", List.of(token),
                "dkim.amazonses.com", null, null, null, null, null, null, null, false);
    }
}
