package dev.dkimagent.agent.metrics;

import io.prometheus.client.Collector;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes one gauge family's lines exactly as simpleclient's {@code TextFormat} writes them, in
 * text format 0.0.4 or OpenMetrics 1.0.0, without a {@code Sample} per line: the header, then one
 * line per row as it is handed over.
 */
final class SeriesText {
    private final Writer out;
    /** What comes before each label value: the name and first label, then the separators. */
    private final String[] beforeValue;
    private final String afterLabels;

    private SeriesText(Writer out, String name, List<String> labelNames, boolean openMetrics) {
        this.out = out;
        this.beforeValue = new String[labelNames.size()];
        for (int i = 0; i < beforeValue.length; i++) {
            beforeValue[i] = (i == 0 ? name + "{" : openMetrics ? "\"," : "\",") + labelNames.get(i) + "=\"";
        }
        this.afterLabels = labelNames.isEmpty() ? name + " " : openMetrics ? "\"} " : "\",} ";
    }

    /** Writes the family's HELP and TYPE lines and returns the writer of its sample lines. */
    static SeriesText family(Writer out, String name, String help, List<String> labelNames, boolean openMetrics)
            throws IOException {
        if (openMetrics) {
            out.write("# TYPE " + name + " gauge\n# HELP " + name + " ");
            escape(out, help, true);
        } else {
            out.write("# HELP " + name + " ");
            escape(out, help, false);
            out.write("\n# TYPE " + name + " gauge");
        }
        out.write('\n');
        return new SeriesText(out, name, labelNames, openMetrics);
    }

    /** One sample line: the label values of {@code row} in {@code part}, and the value. */
    void sample(FrozenTable part, int row, double value) throws IOException {
        for (int i = 0; i < beforeValue.length; i++) {
            out.write(beforeValue[i]);
            escape(out, part.label(row, i), true);
        }
        out.write(afterLabels);
        out.write(Collector.doubleToGoString(value));
        out.write('\n');
    }

    /** Backslash and newline escaped; also the double quote in a label value (and in OpenMetrics help). */
    private static void escape(Writer out, String s, boolean quote) throws IOException {
        int plain = 0;
        while (plain < s.length() && s.charAt(plain) != '\\' && s.charAt(plain) != '\n'
                && (!quote || s.charAt(plain) != '"')) {
            plain++;
        }
        if (plain == s.length()) {
            out.write(s);
            return;
        }
        out.write(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                out.write("\\\\");
            } else if (c == '\n') {
                out.write("\\n");
            } else if (c == '"' && quote) {
                out.write("\\\"");
            } else {
                out.write(c);
            }
        }
    }
}
