package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dkimagent.agent.alert.Notification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    @Test
    void of_threeFindings_oneMessageWithThreeLinesDigInCodeAndSesDeadline() {
        SlackMessage message = SlackMessage.of(Alerts.threeMissing());

        assertThat(message.text()).isEqualTo(":red_circle: mycompany.com: 3 errors");
        assertThat(headerText(message)).isEqualTo(":red_circle: mycompany.com: 3 errors");
        String sections = String.join("\n", sectionTexts(message));
        assertThat(sections).contains("*New (3)*");
        assertThat(count(sections, "*error* `DKIM01` `RECORD_MISSING`")).isEqualTo(3);
        assertThat(sections).contains("selector `abc`", "selector `def`", "selector `ghi`",
                "on `ns3.example.net` (`192.0.2.3`)", "abc._domainkey.mycompany.com CNAME is missing on ns3.example.net",
                "*Fix:* Add abc._domainkey.mycompany.com CNAME abc.dkim.amazonses.com.");
        assertThat(sections).contains("```dig +norec @192.0.2.3 abc._domainkey.mycompany.com CNAME```",
                "```dig +norec @192.0.2.3 def._domainkey.mycompany.com CNAME```",
                "```dig +norec @192.0.2.3 ghi._domainkey.mycompany.com CNAME```");
        assertThat(sections).contains("*SES* account `123456789012`, region `eu-west-1`: status `TEMPORARY_FAILURE`, "
                + "signing likely revoked by *2026-11-05 03:00 UTC* (in 41 h)");
        assertThat(sections).doesNotContain("more finding");
    }

    @Test
    void of_mixedSeverities_headerCountsWorstFirst() {
        Notification notification = new Notification("mycompany.com", List.of(Alerts.warning("s1")),
                List.of(Alerts.missing("s2", "ns1.example.net", "192.0.2.1")), List.of(), List.of(), Alerts.AT);

        SlackMessage message = SlackMessage.of(notification);

        assertThat(headerText(message)).isEqualTo(":red_circle: mycompany.com: 1 error, 1 warning");
        assertThat(String.join("\n", sectionTexts(message))).contains("*New (1)*", "*Still failing (1)*");
    }

    @Test
    void of_onlyResolved_resolvedHeaderAndMarkedLinesWithoutFix() {
        SlackMessage message = SlackMessage.of(Alerts.resolution());

        assertThat(headerText(message)).isEqualTo(":white_check_mark: mycompany.com: resolved");
        String sections = String.join("\n", sectionTexts(message));
        assertThat(sections).contains("*Resolved (1)*",
                ":white_check_mark: *resolved* `DKIM01` `RECORD_MISSING` \u00B7 selector `abc`");
        assertThat(sections).doesNotContain("*Fix:*", "```");
    }

    @Test
    void resolvedOriginal_isAResolvedHeaderWithTime() {
        SlackMessage message = SlackMessage.resolvedOriginal(Alerts.resolution());

        assertThat(message.text()).isEqualTo(":white_check_mark: mycompany.com: resolved");
        assertThat(message.toJson()).contains("Resolved at 2026-11-03 10:00 UTC");
    }

    @Test
    void of_500Findings_staysWithinSlackLimitsAndSummarisesTheRest() {
        SlackMessage message = SlackMessage.of(Alerts.many(500));
        JsonObject json = JsonParser.parseString(message.toJson()).getAsJsonObject();

        JsonArray blocks = json.getAsJsonArray("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(SlackMessage.MAX_BLOCKS);
        assertThat(message.toJson().length()).isLessThan(40_000);
        assertThat(message.text().length()).isLessThanOrEqualTo(SlackMessage.TEXT_MAX);
        assertThat(headerText(message)).isEqualTo(":red_circle: mycompany.com: 500 errors");
        assertThat(sectionTexts(message)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        int shown = count(String.join("\n", sectionTexts(message)), "`RECORD_MISSING`");
        assertThat(shown).isBetween(5, 499);
        assertThat(sectionTexts(message)).contains("\u2026 and " + (500 - shown)
                + " more findings. Run `dkim-agent check` for the full list.");
    }

    @Test
    void of_hugeIdentity_headerWithin150Characters() {
        Notification notification = new Notification("x".repeat(400) + ".example", List.of(Alerts.warning("s")),
                List.of(), List.of(), List.of(), Alerts.AT);

        SlackMessage message = SlackMessage.of(notification);

        assertThat(headerText(message).length()).isLessThanOrEqualTo(SlackMessage.HEADER_MAX);
    }

    @Test
    void of_hostileValues_escapedEverywhereNeverRaw() {
        SlackMessage message = SlackMessage.of(Alerts.hostile());
        String allText = allStrings(JsonParser.parseString(message.toJson()));

        assertThat(allText).doesNotContain("<!channel>", "<https://evil|click>", "<", ">");
        assertThat(allText).contains("&lt;!channel&gt;", "&lt;https://evil|click&gt;");
        assertThat(allText).doesNotContain("`break`");
    }

    static String headerText(SlackMessage message) {
        JsonObject header = blocks(message).get(0).getAsJsonObject();
        assertThat(header.get("type").getAsString()).isEqualTo("header");
        return header.getAsJsonObject("text").get("text").getAsString();
    }

    static List<String> sectionTexts(SlackMessage message) {
        List<String> texts = new ArrayList<>();
        for (JsonElement block : blocks(message)) {
            JsonObject object = block.getAsJsonObject();
            if (object.get("type").getAsString().equals("section")) {
                texts.add(object.getAsJsonObject("text").get("text").getAsString());
            }
        }
        return texts;
    }

    private static JsonArray blocks(SlackMessage message) {
        return JsonParser.parseString(message.toJson()).getAsJsonObject().getAsJsonArray("blocks");
    }

    static String allStrings(JsonElement element) {
        StringBuilder text = new StringBuilder();
        if (element.isJsonPrimitive()) {
            text.append(element.getAsString()).append('\n');
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> text.append(allStrings(child)));
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(entry -> text.append(allStrings(entry.getValue())));
        }
        return text.toString();
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
