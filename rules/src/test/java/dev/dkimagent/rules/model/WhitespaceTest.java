package dev.dkimagent.rules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WhitespaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", " a b ", "v=DKIM1; p=MIIB\tAQ\nAB\r\n", "\u000B\f x \u000B", "a\u00A0b", "  ",
            "\u2003wide\u2003"})
    void removesWhatTheRegexRemoved(String text) {
        assertEquals(text.replaceAll("\\s+", ""), Whitespace.removed(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc.dkim.amazonses.com", "p=MIIBIjAN"})
    void textWithoutSpaceIsReturnedAsIs(String text) {
        assertSame(text, Whitespace.removed(text));
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertEquals("", Whitespace.removed(null));
    }
}
