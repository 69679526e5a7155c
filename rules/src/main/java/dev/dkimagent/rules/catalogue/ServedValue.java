package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.model.Rr;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What one server serves for one record, as one canonical string that compares across servers. */
final class ServedValue {
    static final String NOTHING = "nothing";

    private ServedValue() {
    }

    /**
     * CNAME expected: the target, else the other data the name holds ("A 192.0.2.1"), else nothing.
     * TXT expected: the sorted TXT values, quoted; a CNAME as "CNAME target"; else nothing.
     */
    static String of(RecordAtServer at) {
        Optional<Rr> cname = at.cname();
        if (cname.isPresent()) {
            return at.rec().expectsCname() ? cname.get().data() : "CNAME " + cname.get().data();
        }
        if (!at.rec().expectsCname()) {
            return orNothing(at.txts().stream().map(r -> "\"" + r.data() + "\"")
                    .collect(Collectors.toCollection(TreeSet::new)), " ");
        }
        TreeSet<String> other = new TreeSet<>();
        for (var a : at.others()) {
            a.records().stream().filter(r -> r.name().equals(at.name()) && !r.type().equals("CNAME"))
                    .forEach(r -> other.add(r.type() + " " + r.data()));
        }
        return orNothing(other, ", ");
    }

    private static String orNothing(TreeSet<String> values, String separator) {
        return values.isEmpty() ? NOTHING : String.join(separator, values);
    }
}
