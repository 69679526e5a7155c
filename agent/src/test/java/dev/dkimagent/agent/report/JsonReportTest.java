package dev.dkimagent.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static String render(CheckOutcome outcome) {
        StringWriter json = new StringWriter();
        new JsonReport(new PrintWriter(json)).print(outcome);
        return json.toString().trim();
    }

    @Test
    void print_driftedIdentity_writesOneDocumentWithFindingsAndIdentities() {
        String json = render(ReportFixture.driftedOutcome());

        assertThat(json).startsWith("{\"checkedAt\":\"2026-11-28T15:00:00Z\",\"findings\":[");
        assertThat(json).contains("{\"rule\":\"DKIM01\",\"tag\":\"RECORD_MISSING\",\"severity\":\"error\","
                + "\"identity\":\"mycompany.test\",\"zone\":\"mycompany.test\",\"selector\":\"" + ReportFixture.T2 + "\","
                + "\"nameserver\":\"ns3.mycompany.test\",\"address\":\"127.53.0.13\",");
        assertThat(json).endsWith("\"identities\":[{\"identity\":\"mycompany.test\",\"zone\":\"mycompany.test\",\"ok\":false}]}");
    }

    @Test
    void print_zoneWideFinding_leavesOutFieldsThatDoNotApply() {
        String json = render(ReportFixture.driftedOutcome());

        assertThat(json).contains("{\"rule\":\"SOA01\",\"tag\":\"MULTIPLE_SOA_SERIALS\",\"severity\":\"warning\","
                + "\"zone\":\"mycompany.test\",\"nameserver\":\"ns3.mycompany.test\",\"address\":\"127.53.0.13\",");
    }

    @Test
    void write_controlCharactersAndQuotes_areEscaped() {
        assertThat(Json.write(java.util.Map.of("k", "a\"b\\c\nd\u0001"))).isEqualTo("{\"k\":\"a\\\"b\\\\c\\nd\\u0001\"}");
    }
}
