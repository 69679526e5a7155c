package dev.dkimagent.agent.inventory.ses;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** An endpoint override must be https, except plain http to this machine (tests, local proxies). */
final class EndpointPolicy {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private EndpointPolicy() {
    }

    static void check(URI endpoint) {
        check(endpoint, "ses endpoint");
    }

    /** As {@link #check(URI)}; {@code what} names the setting in the message, e.g. "sts endpoint". */
    static void check(URI endpoint, String what) {
        if (endpoint == null) {
            return;
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (endpoint.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(what + " '" + endpoint
                    + "' is not an http(s) URL; use e.g. https://vpce-123.email.us-east-1.vpce.amazonaws.com");
        }
        if (scheme.equals("http") && !isLoopback(endpoint.getHost())) {
            throw new IllegalArgumentException(what + " '" + endpoint
                    + "' uses plain http to a non-loopback host; use https (plain http is allowed only to 127.0.0.0/8, ::1 or localhost)");
        }
    }

    /** Judged on the literal host only: resolving a name here would let DNS decide what is local. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
