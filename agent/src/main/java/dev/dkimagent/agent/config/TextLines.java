package dev.dkimagent.agent.config;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a stream of text into lines without holding more than one line: a line ends at LF, CR or
 * CRLF; a byte order mark at the start is skipped; from {@code #} to the end of a line is a comment
 * and never stored. A line longer than {@code maxChars} before its comment is cut and flagged, so a
 * file without line breaks cannot fill the heap.
 */
final class TextLines {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Receives each line: its number (from 1), its text before any {@code #}, and whether it was cut. */
    interface Handler {
        void line(int number, char[] text, int length, boolean cut);
    }

    private final char[] line;
    private final Handler handler;
    private int length;
    private boolean cut;
    private boolean inComment;
    private boolean afterCarriageReturn;
    private boolean lineStarted;
    private int number;

    private TextLines(int maxChars, Handler handler) {
        this.line = new char[maxChars];
        this.handler = handler;
    }

    /** Reads {@code reader} to its end, handing each line to {@code handler}; returns the number of lines. */
    static int read(Reader reader, int maxChars, Handler handler) throws IOException {
        TextLines lines = new TextLines(maxChars, handler);
        char[] chunk = new char[8192];
        boolean first = true;
        for (int n = reader.read(chunk); n >= 0; n = reader.read(chunk)) {
            int from = first && n > 0 && chunk[0] == BYTE_ORDER_MARK ? 1 : 0;
            first = first && n == 0;
            for (int i = from; i < n; i++) {
                lines.accept(chunk[i]);
            }
        }
        if (lines.lineStarted) {
            lines.end();
        }
        return lines.number;
    }

    private void accept(char c) {
        if (c == '\n' || c == '\r') {
            boolean secondHalfOfCrLf = c == '\n' && afterCarriageReturn;
            afterCarriageReturn = c == '\r';
            if (!secondHalfOfCrLf) {
                end();
            }
            return;
        }
        afterCarriageReturn = false;
        lineStarted = true;
        if (inComment) {
            return;
        }
        if (c == '#') {
            inComment = true;
        } else if (length < line.length) {
            line[length++] = c;
        } else {
            cut = true;
        }
    }

    private void end() {
        handler.line(++number, line, length, cut);
        length = 0;
        cut = false;
        inComment = false;
        lineStarted = false;
    }
}
