package dev.dkimagent.agent.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Syntax checks for http(s) URLs in configuration. Never resolves a name. */
final class Urls {
    /** What is wrong with a URL, so callers word it (a secret must never be quoted). */
    enum Problem { NOT_HTTP_URL, PLAIN_HTTP_OFF_LOOPBACK }

    private Urls() {
    }

    /**
     * Empty when {@code text} is an absolute http or https URL with a host; with
     * {@code httpsUnlessLoopback}, plain http must go to a loopback host.
     */
    static Optional<Problem> check(String text, boolean httpsUnlessLoopback) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of(Problem.NOT_HTTP_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of(Problem.NOT_HTTP_URL);
        }
        if (httpsUnlessLoopback && scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of(Problem.PLAIN_HTTP_OFF_LOOPBACK);
        }
        return Optional.empty();
    }

    /** localhost, 127.0.0.0/8 or ::1 (brackets allowed). */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (Endpoints.isIpv4(h)) {
            return h.startsWith("127.");
        }
        if (!Endpoints.isIpv6(h)) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
