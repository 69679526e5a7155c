package dev.dkimagent.agent.alert.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;
import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.agent.alert.SesLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A notification as a Slack Block Kit message: a header, SES status, one line per finding (new,
 * still failing, resolved) with fix and {@code dig} command, a summary of what did not fit, and a
 * context line. {@code text} is the plain fallback Slack shows in notifications. All values from
 * DNS and SES are escaped; the message stays within Slack's limits (50 blocks, 3000 characters per
 * section, 150 per header, 40,000 for {@code text}) however many findings there are.
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

    public static final int MAX_BLOCKS = 50;
    public static final int HEADER_MAX = 150;
    public static final int TEXT_MAX = 40_000;
    private static final int IDENTITY_MAX = 100;
    /** One identity has SES lines per account and region; more than a few is a configuration oddity. */
    private static final int SES_LINES_MAX = 10;
    /** Blocks kept free for the "... and N more" summary and the context line. */
    private static final int RESERVED_BLOCKS = 2;

    public SlackMessage {
        blocks = List.copyOf(blocks);
    }

    /** Renders a notification (firing, reminders, resolved, SES) for chat.postMessage or a webhook. */
    public static SlackMessage of(Notification notification) {
        String headline = headline(notification);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(headline, true))));
        addSes(blocks, notification);
        SectionPacker packer = new SectionPacker(blocks, MAX_BLOCKS - RESERVED_BLOCKS);
        addGroup(packer, "New", notification.firing(), SlackLines::finding);
        addGroup(packer, "Still failing", notification.reminders(), SlackLines::finding);
        addGroup(packer, "Resolved", notification.resolved(), SlackLines::resolved);
        addOmitted(blocks, packer.finish());
        blocks.add(footer(notification));
        return new SlackMessage(headline, blocks);
    }

    /** What the incident's first message becomes once it is over (chat.update): a resolved header. */
    public static SlackMessage resolvedOriginal(Notification resolution) {
        String headline = Headline.emoji(null) + " " + identity(resolution) + ": resolved";
        List<LayoutBlock> blocks = List.of(
                header(h -> h.text(plainText(clipHeader(headline), true))),
                context(List.of(markdownText("Resolved at " + When.utc(resolution.at()) + ". Details in the thread."))));
        return new SlackMessage(clipHeader(headline), blocks);
    }

    /** The incoming-webhook payload. */
    public Payload toPayload() {
        return Payload.builder().text(text).blocks(blocks).build();
    }

    /** The JSON Slack receives from a webhook, for size checks and debugging. */
    public String toJson() {
        return GsonFactory.createSnakeCase().toJson(toPayload());
    }

    private static String headline(Notification notification) {
        String emoji = Headline.emoji(notification.worstSeverity());
        return clipHeader(emoji + " " + identity(notification) + ": " + Headline.summary(notification));
    }

    private static String identity(Notification notification) {
        return Mrkdwn.text(Clip.to(notification.identity(), IDENTITY_MAX));
    }

    private static String clipHeader(String headline) {
        return Clip.to(headline, HEADER_MAX);
    }

    private static void addSes(List<LayoutBlock> blocks, Notification notification) {
        if (notification.ses().isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (SesLine ses : notification.ses().subList(0, Math.min(SES_LINES_MAX, notification.ses().size()))) {
            text.append(text.length() == 0 ? "" : "\n").append(SlackLines.ses(ses, notification.at()));
        }
        String sesText = Clip.to(text.toString(), SectionPacker.SECTION_MAX);
        blocks.add(section(s -> s.text(markdownText(sesText))));
    }

    private static void addGroup(SectionPacker packer, String title, List<AlertLine> lines,
                                 Function<AlertLine, String> render) {
        if (lines.isEmpty()) {
            return;
        }
        packer.title("*" + title + " (" + lines.size() + ")*");
        lines.forEach(line -> packer.finding(render.apply(line)));
    }

    private static void addOmitted(List<LayoutBlock> blocks, int omitted) {
        if (omitted > 0) {
            String noun = omitted == 1 ? "finding" : "findings";
            String text = "\u2026 and " + omitted + " more " + noun
                    + ". Run `dkim-agent check` for the full list.";
            blocks.add(section(s -> s.text(markdownText(text))));
        }
    }

    private static LayoutBlock footer(Notification notification) {
        return context(List.of(markdownText("dkim-agent \u00B7 sweep at " + When.utc(notification.at()))));
    }
}
