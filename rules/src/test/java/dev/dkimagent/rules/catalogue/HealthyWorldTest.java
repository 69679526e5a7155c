package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.FindingsAssert.assertFindings;

import org.junit.jupiter.api.Test;

class HealthyWorldTest {

    @Test
    void evaluate_healthyCnameZone_findsNothing() {
        assertFindings(TestWorld.healthy().evaluate()).none();
    }

    @Test
    void evaluate_healthyTxtRecordWithConfiguredKey_findsNothing() {
        String key = TestKeys.record(TestKeys.RSA_2048);
        assertFindings(TestWorld.healthyTxt(key, key).evaluate()).none();
    }
}
