package dev.dkimagent.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import io.prometheus.client.SampleNameFilter;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * /metrics: the registry in the format the request accepts (text 0.0.4 unless it asks for
 * OpenMetrics), only the families named by {@code name[]} parameters when there are any, gzip when
 * the request accepts it. The body is streamed in chunks through a small buffer: families of
 * frozen per-zone tables ({@link MergedFamily}) are written line by line from their parts, so a
 * scrape never holds its whole text (a 100,000-identity inventory is hundreds of MB of it). A HEAD
 * request gets the headers only, without a Content-Length (the text is not rendered to count it).
 */
final class MetricsHandler implements HttpHandler {
    private static final int BUFFER = 64 * 1024;

    private final CollectorRegistry registry;

    MetricsHandler(CollectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String contentType = TextFormat.chooseContentType(exchange.getRequestHeaders().getFirst("Accept"));
            List<MetricFamilySamples> families = collect(names(exchange.getRequestURI().getRawQuery()));
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean gzip = acceptsGzip(exchange);
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if ("HEAD".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, 0); // chunked
            OutputStream body = exchange.getResponseBody();
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    gzip ? new GZIPOutputStream(body, BUFFER) : body, StandardCharsets.UTF_8), BUFFER)) {
                write(out, contentType, families);
            }
        }
    }

    /** The families to expose: collected before the status is sent, so a failing collector fails the request. */
    private List<MetricFamilySamples> collect(Set<String> names) {
        Predicate<String> filter = SampleNameFilter.restrictToNamesEqualTo(null, names);
        return Collections.list(filter == null ? registry.metricFamilySamples()
                : registry.filteredMetricFamilySamples(filter));
    }

    /** The merged families first, line by line; the others (small) through simpleclient's TextFormat. */
    static void write(Writer out, String contentType, List<MetricFamilySamples> families) throws IOException {
        boolean openMetrics = TextFormat.CONTENT_TYPE_OPENMETRICS_100.equals(contentType);
        List<MetricFamilySamples> others = new ArrayList<>();
        for (MetricFamilySamples family : families) {
            if (family instanceof MergedFamily merged) {
                merged.writeTo(out, openMetrics);
            } else {
                others.add(family);
            }
        }
        TextFormat.writeFormat(contentType, out, Collections.enumeration(others));
    }

    /** The values of the {@code name[]} query parameters (as simpleclient's HTTPServer reads them). */
    static Set<String> names(String rawQuery) {
        Set<String> names = new HashSet<>();
        if (rawQuery == null) {
            return names;
        }
        for (String pair : rawQuery.split("&")) {
            int at = pair.indexOf('=');
            if (at > 0 && "name[]".equals(URLDecoder.decode(pair.substring(0, at), StandardCharsets.UTF_8))) {
                names.add(URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Accept-Encoding");
        if (headers == null) {
            return false;
        }
        for (String header : headers) {
            for (String encoding : header.split(",")) {
                if (encoding.trim().equalsIgnoreCase("gzip")) {
                    return true;
                }
            }
        }
        return false;
    }
}
