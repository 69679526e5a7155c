package dev.dkimagent.agent.alert.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * Packs mrkdwn lines into section blocks within Slack's limits: at most {@value #SECTION_MAX}
 * characters per section, a block budget given by the caller (Slack allows 50 per message) and a
 * total text budget that keeps the message readable and its JSON small. Once a line does not fit,
 * every later finding is counted as omitted, so what is shown keeps its order.
 */
final class SectionPacker {

    static final int SECTION_MAX = 3000;
    static final int TEXT_BUDGET = 12_000;
    private static final String SEPARATOR = "\n\n";

    private final List<LayoutBlock> blocks;
    private final int blockLimit;
    private final StringBuilder current = new StringBuilder();
    private int textUsed;
    private int omitted;
    private boolean full;

    /** Appends to {@code blocks}, never letting it grow beyond {@code blockLimit}. */
    SectionPacker(List<LayoutBlock> blocks, int blockLimit) {
        this.blocks = blocks;
        this.blockLimit = blockLimit;
    }

    /** Adds a group title; dropped silently when the message is full. */
    void title(String mrkdwn) {
        add(mrkdwn);
    }

    /** Adds one finding; counts it as omitted when it does not fit. */
    void finding(String mrkdwn) {
        if (!add(mrkdwn)) {
            omitted++;
        }
    }

    /** Emits the last partly filled section; returns how many findings did not fit. */
    int finish() {
        flush();
        return omitted;
    }

    private boolean add(String mrkdwn) {
        if (full || textUsed + mrkdwn.length() > TEXT_BUDGET) {
            full = true;
            return false;
        }
        if (current.length() > 0 && current.length() + SEPARATOR.length() + mrkdwn.length() > SECTION_MAX) {
            flush();
        }
        if (current.length() == 0 && blocks.size() >= blockLimit) {
            full = true;
            return false;
        }
        if (current.length() > 0) {
            current.append(SEPARATOR);
        }
        current.append(Clip.to(mrkdwn, SECTION_MAX));
        textUsed += mrkdwn.length();
        return true;
    }

    private void flush() {
        if (current.length() > 0) {
            String text = current.toString();
            blocks.add(section(s -> s.text(markdownText(text))));
            current.setLength(0);
        }
    }
}
