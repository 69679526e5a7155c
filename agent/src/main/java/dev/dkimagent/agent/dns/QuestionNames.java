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

    private record Entry(String text, Name name) {
    }

    private final Entry[] entries = new Entry[SIZE];

    /** The absolute name for text ("a.test" and "a.test." give the same name). */
    Name absolute(String text) throws TextParseException {
        int slot = text.hashCode() & (SIZE - 1);
        Entry e = entries[slot];
        if (e != null && e.text.equals(text)) {
            return e.name;
        }
        String n = text.trim();
        Name name = Name.fromString(n.endsWith(".") ? n : n + ".");
        entries[slot] = new Entry(text, name);
        return name;
    }
}
