package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.DeliveryResult.Outcome;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.agent.alert.slack.SlackStub.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackWebhookChannelTest {

    private SlackStub stub;
    private SlackWebhookChannel channel;

    @BeforeEach
    void start() {
        stub = SlackStub.start();
        channel = new SlackWebhookChannel(new SlackSettings(stub.webhookUrl(), null, null, null));
    }

    @AfterEach
    void stop() throws Exception {
        channel.close();
        stub.close();
    }

    @Test
    void deliver_200_deliveredWithoutMessageRefAndPostsBlocks() {
        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result).isEqualTo(DeliveryResult.delivered(null));
        SlackStub.Request request = stub.last(SlackStub.WEBHOOK_PATH);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.field("text")).isEqualTo(":red_circle: mycompany.com: 3 errors");
        assertThat(request.blocks().get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("header");
        assertThat(request.payloadText()).contains("```dig +norec @192.0.2.3 abc._domainkey.mycompany.com CNAME```");
    }

    @Test
    void deliver_429WithRetryAfter3_retryAfterThreeSeconds() {
        stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.rateLimited(3));

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(result.error()).contains("429");
    }

    @Test
    void deliver_500_retry() {
        stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.status(500, "internal_error"));

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.retryAfter()).isNull();
        assertThat(result.error()).contains("HTTP 500");
    }

    @Test
    void deliver_404NoService_heldUntilTheWebhookIsFixed() {
        stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.status(404, "no_service"));

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.HELD);
        assertThat(result.error()).contains("HTTP 404 no_service", "create a new incoming webhook", "kept");
    }

    @Test
    void deliver_410And403InvalidTokenAndAProxys404NotFound_held() {
        stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.status(410, "channel_is_archived"), Reply.status(403, "invalid_token"),
                Reply.status(404, "<html><body><h1>404 Not Found</h1></body></html>"));

        for (int i = 0; i < 3; i++) {
            assertThat(channel.deliver(Alerts.threeMissing(), null).outcome()).isEqualTo(Outcome.HELD);
        }
    }

    @Test
    void deliver_400InvalidPayload_permanent_becauseTheMessageItselfIsRefused() {
        stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.status(400, "invalid_payload"), Reply.status(400, "channel_not_found"));

        assertThat(channel.deliver(Alerts.threeMissing(), null).outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(channel.deliver(Alerts.threeMissing(), null).outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    void deliver_answerLaterThanTheReadTimeout_uncertain_andSlackGotIt() throws Exception {
        try (SlackWebhookChannel quick = new SlackWebhookChannel(
                new SlackSettings(stub.webhookUrl(), null, null, null, Duration.ofMillis(500)))) {
            stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.ok().after(Duration.ofSeconds(3)));

            DeliveryResult result = quick.deliver(Alerts.threeMissing(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.UNCERTAIN);
            assertThat(result.error()).contains("No answer from the Slack webhook", "may have been posted")
                    .doesNotContain(SlackStub.WEBHOOK_PATH);
            assertThat(stub.requests(SlackStub.WEBHOOK_PATH)).hasSize(1);
        }
    }

    @Test
    void deliver_answerWithinTheReadTimeout_delivered() throws Exception {
        try (SlackWebhookChannel patient = new SlackWebhookChannel(
                new SlackSettings(stub.webhookUrl(), null, null, null, Duration.ofSeconds(5)))) {
            stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.ok().after(Duration.ofSeconds(2)));

            assertThat(patient.deliver(Alerts.threeMissing(), null).outcome()).isEqualTo(Outcome.DELIVERED);
        }
    }

    @Test
    void deliver_stubDown_retryAsIoErrorThenDeliversWhenBackUp() {
        stub.down();

        DeliveryResult down = channel.deliver(Alerts.threeMissing(), null);
        stub.up();
        DeliveryResult up = channel.deliver(Alerts.threeMissing(), null);

        assertThat(down.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(down.error()).contains("Could not reach the Slack webhook");
        assertThat(up.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void deliver_resolution_postsResolvedMessage() {
        DeliveryResult result = channel.deliver(Alerts.resolution(), "ignored-thread");

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(stub.last(SlackStub.WEBHOOK_PATH).field("text")).isEqualTo(":white_check_mark: mycompany.com: resolved");
    }

    @Test
    void markResolved_webhookCannotEdit_deliveredWithoutAnyRequest() {
        DeliveryResult result = channel.markResolved(Alerts.resolution(), "1700000000.000100");

        assertThat(result).isEqualTo(DeliveryResult.delivered(null));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void deliver_hostileValues_arriveEscapedNeverRaw() {
        channel.deliver(Alerts.hostile(), null);

        String text = stub.last(SlackStub.WEBHOOK_PATH).payloadText();
        assertThat(text).doesNotContain("<!channel>", "<https://evil|click>", "`break`");
        assertThat(text).contains("&lt;!channel&gt;", "&lt;https://evil|click&gt;");
    }

    @Test
    void deliver_failures_neverRevealTheWebhookUrl() {
        stub.enqueue(SlackStub.WEBHOOK_PATH, Reply.rateLimited(1), Reply.status(500, "x"), Reply.status(404, "no_service"),
                Reply.status(400, "invalid_payload"), Reply.status(403, "invalid_token " + SlackStub.WEBHOOK_PATH));
        List<DeliveryResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(channel.deliver(Alerts.threeMissing(), null));
        }
        stub.down();
        results.add(channel.deliver(Alerts.threeMissing(), null));

        assertThat(results).extracting(DeliveryResult::outcome).doesNotContain(Outcome.DELIVERED);
        assertThat(results).extracting(DeliveryResult::error).allSatisfy(error -> assertThat(error)
                .isNotBlank().doesNotContain(stub.webhookUrl()).doesNotContain(SlackStub.WEBHOOK_PATH)
                .doesNotContain("XXXX"));
    }

    @Test
    void notification_withoutFindings_stillRenders() {
        Notification empty = new Notification("mycompany.com", List.of(), List.of(), List.of(), List.of(), Alerts.AT);

        assertThat(channel.deliver(empty, null).outcome()).isEqualTo(Outcome.DELIVERED);
    }
}
