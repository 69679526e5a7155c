package dev.dkimagent.agent.config;

import com.typesafe.config.Config;

/** Reads {@code dkim-agent.http}. */
final class HttpReader {
    static final String PATH = "dkim-agent.http";

    private HttpReader() {
    }

    /** The listener settings, or null when the section is not an object (a problem is then reported). */
    static HttpSettings read(Node http, Config reference) {
        if (!http.requireObject("an object with the HTTP settings")) {
            return null;
        }
        KnownKeys.check(http, reference.getObject(PATH).keySet());
        Node bindNode = http.child("bind");
        String bind = bindNode.string("an IP address or host name")
                .filter(text -> checkBind(bindNode, text))
                .orElse(null);
        return new HttpSettings(bind, port(http.child("port")));
    }

    private static boolean checkBind(Node node, String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ok = Endpoints.isIpv4(bare) || Endpoints.isIpv6(bare) || Endpoints.isHostName(text);
        if (!ok) {
            node.problem("expected an IP address or host name, got " + node.describe());
        }
        return ok;
    }

    private static int port(Node node) {
        int port = node.intAtLeast(0).orElse(-1);
        if (port > 65535) {
            node.problem("expected a port from 0 to 65535, got " + node.describe());
            return -1;
        }
        return port;
    }
}
