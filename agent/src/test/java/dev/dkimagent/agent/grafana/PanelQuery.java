package dev.dkimagent.agent.grafana;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One panel target's PromQL, and how Grafana would send it once its variables are filled in. */
record PanelQuery(String dashboard, String panel, String refId, String expr) {
    /** A Grafana variable reference: $name or ${name} (PromQL's own $1 in label_replace is not one). */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_]\\w*)}?");

    /** The expression with $identity, $job, $instance (All), $__rate_interval, $__interval and $__range replaced. */
    String resolved(String identity) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), identity, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String variable, String identity, String unknown) {
        return switch (variable) {
            case "identity" -> identity;
            case "job" -> "dkim-agent";
            case "instance" -> ".*"; // the instance variable's "All"
            case "__rate_interval", "__interval" -> "1m";
            case "__range" -> "5m";
            default -> unknown; // left for the caller's assertion to report
        };
    }

    @Override
    public String toString() {
        return dashboard + " / " + panel + " / " + refId + ": " + expr;
    }
}
