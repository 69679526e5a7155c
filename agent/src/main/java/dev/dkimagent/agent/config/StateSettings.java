package dev.dkimagent.agent.config;

/**
 * {@code dkim-agent.state}: the database that keeps alert state and the outbox.
 * {@link #toString()} never shows the password.
 *
 * @param url      "jdbc:h2:..." (embedded file) or "jdbc:postgresql:..."
 * @param user     database user; "" when unset
 * @param password database password (secret); "" when unset
 */
public record StateSettings(String url, String user, String password) {

    @Override
    public String toString() {
        return "StateSettings[url=" + url + ", user=" + user + ", password=" + Secrets.redact(password) + "]";
    }
}
