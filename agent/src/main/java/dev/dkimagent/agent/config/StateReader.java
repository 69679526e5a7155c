package dev.dkimagent.agent.config;

import com.typesafe.config.Config;

/** Reads {@code dkim-agent.state}. The URL and the password are never quoted: both may hold credentials. */
final class StateReader {
    static final String PATH = "dkim-agent.state";
    private static final String URL_FORMS = "a JDBC URL starting with \"jdbc:h2:\" or \"jdbc:postgresql:\"";

    private StateReader() {
    }

    /** The database settings, or null when the section is not an object (a problem is then reported). */
    static StateSettings read(Node state, Config reference) {
        if (!state.requireObject("an object with the state database settings")) {
            return null;
        }
        KnownKeys.check(state, reference.getObject(PATH).keySet());
        String url = url(state.child("url"));
        String user = state.child("user").string("a database user name").orElse("");
        String password = state.child("password").string("a password").orElse("");
        return new StateSettings(url, user, password);
    }

    private static String url(Node node) {
        String url = node.string(URL_FORMS).orElse(null);
        if (url != null && !(url.startsWith("jdbc:h2:") || url.startsWith("jdbc:postgresql:"))) {
            // a JDBC URL may carry a password (?password=..., user:pass@host): never echo it
            node.problem("expected " + URL_FORMS + " (the value is not shown: it may hold credentials)");
            return null;
        }
        return url;
    }
}
