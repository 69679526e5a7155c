package dev.dkimagent.agent.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Parsed query names, cached: a sweep asks each record name of each type at every server, one
 * after another, and parsing text into a dnsjava {@link Name} was a tenth of the loop's time. A
 * direct-mapped cache of 4,096 immutable entries: no lock (a racy read sees a whole entry or an
 * older one), no growth, a miss just parses. Any thread.
 */
final class QuestionNames {
    private static final int SIZE = 4096;

    /**
     * A name asked: as the caller wrote it, parsed, and in the text {@link NameTexts} gives the same
     * name in a reply, so that a reply's records owned by the question take this text without a
     * look-up of their own.
     */
    record Question(String asked, Name name, String text) {
    }

    private final Question[] entries = new Question[SIZE];

    /** The absolute name for text ("a.test" and "a.test." give the same name). */
    Question absolute(String text) throws TextParseException {
        int slot = text.hashCode() & (SIZE - 1);
        Question q = entries[slot];
        if (q != null && q.asked.equals(text)) {
            return q;
        }
        String n = text.trim();
        Name name = Name.fromString(n.endsWith(".") ? n : n + ".");
        q = new Question(text, name, NameTexts.of(name));
        entries[slot] = q;
        return q;
    }
}
