package dev.dkimagent.agent.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

    @Test
    void text_channelMention_isEscapedSoSlackShowsItLiterally() {
        assertThat(Mrkdwn.text("<!channel>")).isEqualTo("&lt;!channel&gt;");
    }

    @Test
    void text_forgedLink_isEscaped() {
        assertThat(Mrkdwn.text("<https://evil|click>")).isEqualTo("&lt;https://evil|click&gt;");
    }

    @Test
    void text_ampersandFirst_neverDoubleEscapesOurOwnEntities() {
        assertThat(Mrkdwn.text("a & <b>")).isEqualTo("a &amp; &lt;b&gt;");
        assertThat(Mrkdwn.text("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void text_null_isEmpty() {
        assertThat(Mrkdwn.text(null)).isEmpty();
    }

    @Test
    void code_backtickInValue_cannotCloseTheSpan() {
        String code = Mrkdwn.code("a`<!channel>`b");

        assertThat(code).isEqualTo("`a\u02B9&lt;!channel&gt;\u02B9b`");
        assertThat(code.chars().filter(c -> c == '`').count()).isEqualTo(2);
    }

    @Test
    void codeBlock_tripleBacktickInValue_cannotCloseTheBlock() {
        String block = Mrkdwn.codeBlock("dig ```<https://evil|click>");

        assertThat(block).startsWith("```").endsWith("```").doesNotContain("<", ">");
        assertThat(block.substring(3, block.length() - 3)).doesNotContain("`");
    }

    @Test
    void code_emptyOrNull_rendersNothing() {
        assertThat(Mrkdwn.code(null)).isEmpty();
        assertThat(Mrkdwn.code("")).isEmpty();
    }
}
