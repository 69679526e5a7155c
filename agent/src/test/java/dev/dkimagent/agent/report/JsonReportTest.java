package dev.dkimagent.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The document as the report's own writer printed it before Jackson (for today's fixture, whose
     * remediation no longer repeats the dig command): the bytes are a public contract.
     */
    @Test
    void print_isByteForByteTheDocumentOfEarlierVersions() {
        assertThat(render(ReportFixture.driftedOutcome())).isEqualTo(
                "{\"checkedAt\":\"2026-11-28T15:00:00Z\",\"findings\":[{\"rule\":\"DKIM01\""
                + ",\"tag\":\"RECORD_MISSING\",\"severity\":\"error\",\"identity\":\"mycompany.test\""
                + ",\"zone\":\"mycompany.test\",\"selector\":\"bcdefghijklmnopqrstuvwxyz0123456\""
                + ",\"nameserver\":\"ns3.mycompany.test\",\"address\":\"127.53.0.13\""
                + ",\"message\":\"ns3.mycompany.test (127.53.0.13) does not serve "
                + "bcdefghijklmnopqrstuvwxyz0123456._domainkey.mycompany.test.\""
                + ",\"remediation\":\"Add the CNAME on ns3.mycompany.test.\""
                + ",\"args\":{\"dig\":\"dig +norecurse @ns3.mycompany.test CNAME "
                + "bcdefghijklmnopqrstuvwxyz0123456._domainkey.mycompany.test\"}},{\"rule\":\"SOA01\""
                + ",\"tag\":\"MULTIPLE_SOA_SERIALS\",\"severity\":\"warning\",\"zone\":\"mycompany.test\""
                + ",\"nameserver\":\"ns3.mycompany.test\",\"address\":\"127.53.0.13\""
                + ",\"message\":\"ns3 is behind.\",\"remediation\":\"Fix transfers.\""
                + ",\"args\":{\"serial\":\"1\"}}],\"identities\":[{\"identity\":\"mycompany.test\""
                + ",\"zone\":\"mycompany.test\",\"ok\":false}]}");
    }

    /** Every ASCII character, non-ASCII text, numbers, booleans, nested lists and maps, null values dropped. */
    @Test
    void write_escapesAndTypes_areThoseOfEarlierVersions() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("all", ascii + "\u00e9\u20ac\u2028\u2029\ud83d\ude00/</script>");
        value.put("gone", null);
        value.put("n", 42);
        value.put("l", 7L);
        value.put("b", true);
        value.put("d", 1.5);
        Map<String, String> args = new LinkedHashMap<>();
        args.put("k\n", "v\"\\");
        args.put("z", null);
        value.put("args", args);
        value.put("empty", Map.of());
        value.put("list", List.of("a", 1, false, List.of()));

        assertThat(Json.write(value)).isEqualTo(
                "{\"all\":\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\u0008\\t\\n\\u000b"
                + "\\u000c\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
                + "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDE"
                + "FGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007f\u00e9\u20ac\u2028\u2029"
                + "\ud83d\ude00/</script>\",\"n\":42,\"l\":7,\"b\":true,\"d\":1.5,\"args\":{\"k\\n\":\"v\\\"\\\\\""
                + "},\"empty\":{},\"list\":[\"a\",1,false,[]]}");
    }

    @Test
    void write_controlCharactersAndQuotes_areEscaped() {
        assertThat(Json.write(java.util.Map.of("k", "a\"b\\c\nd\u0001"))).isEqualTo("{\"k\":\"a\\\"b\\\\c\\nd\\u0001\"}");
    }
}
