package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Names;
import org.xbill.DNS.Name;

/**
 * The normalised text of dnsjava names in replies, shared: a sweep gets each record name back from
 * every server for every type asked (six times per record, every CNAME target three times), and
 * each answer keeps its names for the rules. One string per name instead of one per reply saves
 * heap and the cost of Name.toString. A direct-mapped cache of immutable entries: no lock, no
 * growth, a miss just converts. Any thread.
 */
final class NameTexts {
    private static final int SIZE = 8192;

    private record Entry(Name name, String text) {
    }

    private static final Entry[] ENTRIES = new Entry[SIZE];

    private NameTexts() {
    }

    /** Names.normal of the name's text (lower case, no trailing dot). */
    static String of(Name name) {
        int slot = name.hashCode() & (SIZE - 1);
        Entry e = ENTRIES[slot];
        if (e != null && e.name.equals(name)) {
            return e.text;
        }
        String text = Names.normal(name.toString());
        ENTRIES[slot] = new Entry(name, text);
        return text;
    }
}
