package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.agent.alert.DeliveryResult;
import dev.dkimagent.agent.alert.Lookup;
import dev.dkimagent.agent.alert.DeliveryResult.Outcome;
import dev.dkimagent.agent.alert.slack.SlackStub.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackBotChannelTest {

    private static final String TOKEN = "xoxb-1111-2222-SeCrEtToKeN";

    private SlackStub stub;
    private SlackBotChannel channel;

    @BeforeEach
    void start() {
        stub = SlackStub.start();
        stub.expectToken(TOKEN);
        channel = new SlackBotChannel(new SlackSettings(null, TOKEN, "#dkim-alerts", stub.apiUrl()));
    }

    @AfterEach
    void stop() throws Exception {
        channel.close();
        stub.close();
    }

    @Test
    void deliver_noThread_postsToChannelAndReturnsTs() {
        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result).isEqualTo(DeliveryResult.delivered(stub.ts(1)));
        SlackStub.Request request = stub.last(SlackStub.POST_MESSAGE);
        assertThat(request.authorized()).isTrue();
        assertThat(request.field("channel")).isEqualTo("#dkim-alerts");
        assertThat(request.field("thread_ts")).isNull();
        assertThat(request.field("text")).isEqualTo(":red_circle: mycompany.com: 3 errors");
        assertThat(request.blocks().size()).isGreaterThan(2);
        assertThat(request.payloadText()).contains("```dig +norec @192.0.2.3 ghi._domainkey.mycompany.com CNAME```");
    }

    @Test
    void deliver_eachMessage_getsAFreshTs() {
        String first = channel.deliver(Alerts.threeMissing(), null).messageRef();
        String second = channel.deliver(Alerts.threeMissing(), null).messageRef();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void deliver_withThreadRef_repliesInTheIncidentThread() {
        DeliveryResult result = channel.deliver(Alerts.resolution(), "1690000000.000001");

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        SlackStub.Request request = stub.last(SlackStub.POST_MESSAGE);
        assertThat(request.field("thread_ts")).isEqualTo("1690000000.000001");
        assertThat(request.field("text")).isEqualTo(":white_check_mark: mycompany.com: resolved");
    }

    @Test
    void markResolved_updatesTheOriginalMessageInTheChannelSlackNamed() {
        String ts = channel.deliver(Alerts.threeMissing(), null).messageRef();

        DeliveryResult result = channel.markResolved(Alerts.resolution(), ts);

        assertThat(result).isEqualTo(DeliveryResult.delivered(ts));
        SlackStub.Request update = stub.last(SlackStub.UPDATE);
        assertThat(update.authorized()).isTrue();
        assertThat(update.field("ts")).isEqualTo(ts);
        assertThat(update.field("channel")).isEqualTo(SlackStub.CHANNEL_ID);
        assertThat(update.field("text")).isEqualTo(":white_check_mark: mycompany.com: resolved");
    }

    @Test
    void markResolved_afterRestart_usesTheConfiguredChannel() {
        DeliveryResult result = channel.markResolved(Alerts.resolution(), "1690000000.000001");

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(stub.last(SlackStub.UPDATE).field("channel")).isEqualTo("#dkim-alerts");
    }

    @Test
    void markResolved_withoutThreadRef_nothingToEdit() {
        assertThat(channel.markResolved(Alerts.resolution(), null)).isEqualTo(DeliveryResult.delivered(null));
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void deliver_429WithRetryAfter_retryAfterThatLong() {
        stub.enqueue(SlackStub.POST_MESSAGE, Reply.rateLimited(7));

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void deliver_500_retry() {
        stub.enqueue(SlackStub.POST_MESSAGE, Reply.status(500, "{\"ok\":false,\"error\":\"internal_error\"}"));

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.error()).contains("HTTP 500");
    }

    @Test
    void deliver_invalidAuth_heldForTheSettingsToBeFixed() {
        stub.enqueue(SlackStub.POST_MESSAGE, Reply.slackError("invalid_auth"));

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.HELD);
        assertThat(result.error()).contains("invalid_auth", "bot token");
    }

    @Test
    void deliver_wrongToken_heldInvalidAuth() throws Exception {
        try (SlackBotChannel wrong = new SlackBotChannel(
                new SlackSettings(null, "xoxb-wrong-token", "#dkim-alerts", stub.apiUrl()))) {
            DeliveryResult result = wrong.deliver(Alerts.threeMissing(), null);

            assertThat(result.outcome()).isEqualTo(Outcome.HELD);
            assertThat(stub.last(SlackStub.POST_MESSAGE).authorized()).isFalse();
        }
    }

    @Test
    void deliver_channelNotFound_heldWithHint() {
        stub.enqueue(SlackStub.POST_MESSAGE, Reply.slackError("channel_not_found"));

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.HELD);
        assertThat(result.error()).contains("channel_not_found", "invite the bot");
    }

    @Test
    void deliver_otherOkFalse_retry() {
        stub.enqueue(SlackStub.POST_MESSAGE, Reply.slackError("fatal_error"));

        assertThat(channel.deliver(Alerts.threeMissing(), null).outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void markResolved_429_retryAfter() {
        stub.enqueue(SlackStub.UPDATE, Reply.rateLimited(2));

        DeliveryResult result = channel.markResolved(Alerts.resolution(), "1690000000.000001");

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void deliver_stubDown_retry() {
        stub.down();

        DeliveryResult result = channel.deliver(Alerts.threeMissing(), null);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.error()).contains("Could not reach Slack");
    }

    @Test
    void deliver_hostileValues_arriveEscapedNeverRaw() {
        channel.deliver(Alerts.hostile(), null);

        String text = stub.last(SlackStub.POST_MESSAGE).payloadText();
        assertThat(text).doesNotContain("<!channel>", "<https://evil|click>", "`break`");
        assertThat(text).contains("&lt;!channel&gt;", "&lt;https://evil|click&gt;");
    }

    @Test
    void failures_neverRevealTheToken() {
        stub.enqueue(SlackStub.POST_MESSAGE, Reply.rateLimited(1), Reply.status(500, "{\"ok\":false}"),
                Reply.slackError("invalid_auth"), Reply.slackError("token_revoked"), Reply.slackError("fatal_error"),
                Reply.status(404, "not found " + TOKEN), Reply.status(200, "garbage " + TOKEN));
        stub.enqueue(SlackStub.UPDATE, Reply.slackError("message_not_found"));
        List<DeliveryResult> results = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            results.add(channel.deliver(Alerts.threeMissing(), null));
        }
        results.add(channel.markResolved(Alerts.resolution(), "1690000000.000001"));
        stub.down();
        results.add(channel.deliver(Alerts.threeMissing(), null));

        assertThat(results).extracting(DeliveryResult::outcome).doesNotContain(Outcome.DELIVERED);
        assertThat(results).extracting(DeliveryResult::error).allSatisfy(error -> assertThat(error)
                .isNotBlank().doesNotContain(TOKEN).doesNotContain("SeCrEtToKeN"));
    }

    @Test
    void requests_recordedWithoutTheToken() {
        channel.deliver(Alerts.threeMissing(), null);

        SlackStub.Request request = stub.last(SlackStub.POST_MESSAGE);
        assertThat(request.headers()).containsEntry("authorization", "(redacted)");
        assertThat(request.headers().toString() + request.body()).doesNotContain(TOKEN);
    }

    @Test
    void deliver_withKey_tagsThePostWithMetadata_andFindFindsIt() {
        DeliveryResult posted = channel.deliver(Alerts.threeMissing(), null, "outbox-7");
        Instant since = Instant.ofEpochSecond(Long.parseLong(stub.ts(1).split("\\.")[0])).minusSeconds(60);

        Lookup found = channel.find("outbox-7", since);
        Lookup other = channel.find("outbox-8", since);

        assertThat(posted.outcome()).isEqualTo(Outcome.DELIVERED);
        String metadata = stub.last(SlackStub.POST_MESSAGE).field("metadata");
        assertThat(metadata).contains("\"event_type\":\"dkim_agent_alert\"", "\"message_key\":\"outbox-7\"");
        assertThat(found).isEqualTo(Lookup.found(stub.ts(1)));
        assertThat(other).isEqualTo(Lookup.absent());
        assertThat(stub.last(SlackStub.HISTORY).field("include_all_metadata")).isIn("1", "true");
        assertThat(stub.last(SlackStub.HISTORY).field("channel")).isEqualTo(SlackStub.CHANNEL_ID);
    }

    @Test
    void find_postsBeforeSince_areNotLookedAt() {
        channel.deliver(Alerts.threeMissing(), null, "outbox-7");

        Lookup later = channel.find("outbox-7", Instant.ofEpochSecond(Long.parseLong(stub.ts(1).split("\\.")[0]) + 5));

        assertThat(later).isEqualTo(Lookup.absent());
    }

    @Test
    void find_historyRefused_unknownNamingTheError() {
        stub.enqueue(SlackStub.HISTORY, Reply.slackError("missing_scope"));

        Lookup lookup = channel.find("outbox-7", Instant.EPOCH);

        assertThat(lookup.state()).isEqualTo(Lookup.State.UNKNOWN);
        assertThat(lookup.error()).contains("conversations.history", "missing_scope");
    }

    @Test
    void deliver_noAnswerWithinTheReadTimeout_uncertain_butSlackPostedIt() throws Exception {
        try (SlackBotChannel quick = new SlackBotChannel(new SlackSettings(null, TOKEN, "#dkim-alerts",
                stub.apiUrl(), Duration.ofMillis(500)))) {
            stub.enqueue(SlackStub.POST_MESSAGE, Reply.hang());

            DeliveryResult result = quick.deliver(Alerts.threeMissing(), null, "outbox-9");

            assertThat(result.outcome()).isEqualTo(Outcome.UNCERTAIN);
            assertThat(quick.find("outbox-9", Instant.EPOCH)).isEqualTo(Lookup.found(stub.ts(1)));
        }
    }

    @Test
    void find_aThreadReply_isLookedForInItsThread_notInTheChannelHistory() {
        String parent = channel.deliver(Alerts.threeMissing(), null, "outbox-1").messageRef();
        channel.deliver(Alerts.threeMissing(), parent, "outbox-2");

        Lookup inHistory = channel.find("outbox-2", null, Instant.EPOCH);
        Lookup inThread = channel.find("outbox-2", parent, Instant.EPOCH);

        assertThat(inHistory).as("Slack's history lists only thread parents").isEqualTo(Lookup.absent());
        assertThat(inThread).isEqualTo(Lookup.found(stub.ts(2)));
        SlackStub.Request replies = stub.last(SlackStub.REPLIES);
        assertThat(replies.field("ts")).isEqualTo(parent);
        assertThat(replies.field("channel")).isEqualTo(SlackStub.CHANNEL_ID);
        assertThat(replies.field("include_all_metadata")).isIn("1", "true");
    }

    @Test
    void find_aReplyThatWasNeverPosted_isAbsentFromItsThread() {
        String parent = channel.deliver(Alerts.threeMissing(), null, "outbox-1").messageRef();

        assertThat(channel.find("outbox-2", parent, Instant.EPOCH)).isEqualTo(Lookup.absent());
    }

    @Test
    void find_repliesRefused_unknownNamingTheMethod() {
        String parent = channel.deliver(Alerts.threeMissing(), null, "outbox-1").messageRef();
        stub.enqueue(SlackStub.REPLIES, Reply.slackError("missing_scope"));

        Lookup lookup = channel.find("outbox-2", parent, Instant.EPOCH);

        assertThat(lookup.state()).isEqualTo(Lookup.State.UNKNOWN);
        assertThat(lookup.error()).contains("conversations.replies", "missing_scope");
    }

    @Test
    void find_beyondTheFirstPage_followsTheCursor() {
        for (int i = 1; i <= 250; i++) {
            channel.deliver(Alerts.threeMissing(), null, "outbox-" + i);
        }

        Lookup oldest = channel.find("outbox-1", null, Instant.EPOCH);

        assertThat(oldest).isEqualTo(Lookup.found(stub.ts(1)));
        assertThat(stub.requests(SlackStub.HISTORY)).hasSize(2);
        assertThat(stub.requests(SlackStub.HISTORY).get(1).field("cursor")).isNotBlank();
    }
}
