package dev.dkimagent.agent.report;

import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Subject;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.ZoneView;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The human report of a check: per identity a selector x nameserver matrix (the rules' cells), then
 * its findings with message, fix and the dig command that shows the problem. Fits in 100 columns,
 * except a command, which is never broken.
 */
public final class TextReport {
    static final int WIDTH = 100;
    private static final String INDENT = "    ";
    /** The finding argument with the command that shows the problem; the fix text never repeats it. */
    private static final String DIG_ARG = "dig";

    private final PrintWriter out;

    public TextReport(PrintWriter out) {
        this.out = out;
    }

    public void print(CheckOutcome outcome) {
        out.printf("dkim-agent check at %s: %d %s, %s%n", outcome.checkedAt().truncatedTo(ChronoUnit.SECONDS),
                outcome.snapshot().identities().size(),
                plural(outcome.snapshot().identities().size(), "identity", "identities"),
                summary(outcome.verdicts()));
        Map<String, String> zoneShownUnder = new HashMap<>();
        for (Identity identity : outcome.snapshot().identities()) {
            out.println();
            printIdentity(outcome, identity, zoneShownUnder);
        }
        List<Verdict> others = outcome.unattached();
        if (!others.isEmpty()) {
            out.println();
            out.println("other findings (SES and the monitor itself)");
            printFindings(others);
        }
        out.flush();
    }

    /** Zone-wide findings print once, under the zone's first identity; later ones point there. */
    private void printIdentity(CheckOutcome outcome, Identity identity, Map<String, String> zoneShownUnder) {
        var zone = outcome.zoneOf(identity);
        List<Verdict> verdicts = outcome.verdictsFor(identity);
        out.printf("%s  [%s]  zone %s%n", identity.name(), status(outcome, identity),
                zone.map(ZoneView::apex).orElse("unknown"));
        if (zone.isEmpty() || !zone.get().discovered()) {
            out.println(INDENT + "zone not discovered: " + zone.map(ZoneView::discoveryError).orElse("no records"));
        } else {
            new Matrix(identity, zone.get(), outcome.matrix(zone.get().apex()).orElseThrow(), verdicts).print(out);
        }
        String apex = zone.map(ZoneView::apex).orElse(null);
        String shownUnder = apex == null ? null : zoneShownUnder.putIfAbsent(apex, identity.name());
        List<Verdict> toPrint = shownUnder == null ? verdicts
                : verdicts.stream().filter(v -> v.finding().subject().identity() != null).toList();
        printFindings(toPrint);
        long zoneWide = verdicts.size() - toPrint.size();
        if (zoneWide > 0) {
            out.printf("%s(%d zone-wide %s of %s: listed under %s above)%n", INDENT, zoneWide,
                    plural(zoneWide, "finding", "findings"), apex, shownUnder);
        }
    }

    /**
     * FAILING with a finding at or above --fail-on; else OK only when every cell of the identity
     * was judged and every key behind it was read: below the threshold, "not judged" is still said.
     */
    static String status(CheckOutcome outcome, Identity identity) {
        if (!outcome.ok(identity)) {
            return "FAILING";
        }
        if (identity.records().isEmpty()) {
            return "OK"; // nothing expected, nothing to judge
        }
        Optional<ZoneMatrix> matrix = outcome.zoneOf(identity).flatMap(z -> outcome.matrix(z.apex()));
        boolean judged = matrix.map(m -> m.rows().stream()
                .filter(r -> r.identity().name().equals(identity.name()))
                .allMatch(r -> r.judged().size() == r.cells().size() && !m.keyNotRead(identity.name(), r.selector())))
                .orElse(false);
        return judged ? "OK" : "NOT JUDGED";
    }

    private void printFindings(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            out.println(INDENT + "no findings");
            return;
        }
        out.println(INDENT + "findings:");
        for (Verdict v : verdicts) {
            String head = String.format("%s %s %s %s", "[" + v.severity().label() + "]", v.finding().rule(),
                    v.finding().tag(), where(v.finding().subject()));
            List<String> headLines = Wrap.lines(head, WIDTH - INDENT.length());
            out.println(INDENT + headLines.get(0));
            headLines.subList(1, headLines.size()).forEach(l -> out.println(INDENT + "         " + l));
            wrap(v.message(), INDENT + "  ");
            wrap("fix: " + v.remediation(), INDENT + "  ");
            String dig = v.finding().args().get(DIG_ARG);
            if (dig != null) {
                out.println(INDENT + "  dig: " + dig); // a command is never wrapped: it must paste whole
            }
        }
    }

    private static String where(Subject s) {
        StringBuilder b = new StringBuilder();
        if (s.source() != null) {
            b.append(s.identity() != null ? s.identity() + " in " : "").append(s.source());
        }
        if (s.selector() != null) {
            b.append("selector ").append(s.selector());
        }
        if (s.address() != null) {
            b.append(b.length() > 0 ? " on " : "on ").append(new Nameserver(s.nameserver(), s.address()).display());
        }
        return b.toString();
    }

    private void wrap(String text, String indent) {
        for (String paragraph : text.split("\n")) {
            for (String line : Wrap.lines(paragraph, WIDTH - indent.length())) {
                out.println(indent + line);
            }
        }
    }

    static String summary(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            return "no findings";
        }
        Map<Severity, Long> bySeverity = verdicts.stream()
                .collect(Collectors.groupingBy(Verdict::severity, () -> new EnumMap<>(Severity.class), Collectors.counting()));
        String parts = bySeverity.entrySet().stream()
                .map(e -> e.getValue() + " " + severityWord(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return verdicts.size() + " " + plural(verdicts.size(), "finding", "findings") + " (" + parts + ")";
    }

    /** "1 error", "2 errors", "3 critical", "2 info": adjectives do not take a plural. */
    private static String severityWord(Severity severity, long n) {
        boolean noun = severity == Severity.ERROR || severity == Severity.WARNING;
        return severity.label() + (noun && n != 1 ? "s" : "");
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** The selector x nameserver address grid of one identity. */
    private static final class Matrix {
        private final Identity identity;
        private final ZoneView zone;
        private final ZoneMatrix matrix;
        private final List<Verdict> verdicts;

        Matrix(Identity identity, ZoneView zone, ZoneMatrix matrix, List<Verdict> verdicts) {
            this.identity = identity;
            this.zone = zone;
            this.matrix = matrix;
            this.verdicts = verdicts;
        }

        void print(PrintWriter out) {
            List<Nameserver> servers = zone.servers();
            int selectorWidth = Math.max(8, identity.records().stream().mapToInt(r -> r.selector().length()).max().orElse(8));
            boolean shortHosts = selectorWidth + servers.size() * (columnWidth(servers, false) + 2) + INDENT.length() > WIDTH;
            int col = columnWidth(servers, shortHosts);
            StringBuilder hosts = new StringBuilder(INDENT + pad("selector", selectorWidth));
            StringBuilder addresses = new StringBuilder(INDENT + pad("", selectorWidth));
            for (Nameserver s : servers) {
                hosts.append("  ").append(pad(host(s, shortHosts), col));
                addresses.append("  ").append(pad(s.address(), col));
            }
            out.println(hosts.toString().stripTrailing());
            if (servers.stream().anyMatch(s -> !s.host().equals(s.address()))) {
                out.println(addresses.toString().stripTrailing()); // servers configured by address: one line says it all
            }
            for (ExpectedRecord record : identity.records()) {
                StringBuilder row = new StringBuilder(INDENT + pad(record.selector(), selectorWidth));
                for (Nameserver s : servers) {
                    row.append("  ").append(pad(word(record, s), col));
                }
                out.println(row.toString().stripTrailing());
            }
        }

        /** The word of the identity's cell for this record on this address ("-" when the matrix has none). */
        private String word(ExpectedRecord record, Nameserver server) {
            return matrix.row(identity.name(), record.selector())
                    .flatMap(row -> row.cell(server.address()))
                    .map(cell -> CellState.of(cell, cellVerdicts(record, server)))
                    .orElse(CellState.NOT_ASKED);
        }

        private List<Verdict> cellVerdicts(ExpectedRecord record, Nameserver server) {
            return verdicts.stream().filter(v -> {
                Subject s = v.finding().subject();
                return record.selector().equals(s.selector()) && Objects.equals(s.address(), server.address());
            }).toList();
        }

        private static int columnWidth(List<Nameserver> servers, boolean shortHosts) {
            int widest = 10; // fits the longest cell word
            for (Nameserver s : servers) {
                widest = Math.max(widest, Math.max(host(s, shortHosts).length(), s.address().length()));
            }
            return widest;
        }

        private static String host(Nameserver s, boolean shortHost) {
            if (!shortHost || s.host().equals(s.address())) {
                return s.host();
            }
            int dot = s.host().indexOf('.');
            return dot > 0 ? s.host().substring(0, dot) : s.host();
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : s + " ".repeat(width - s.length());
        }
    }
}
