package dev.dkimagent.agent.config;

/**
 * {@code dkim-agent.http}: where /metrics, /healthz and /readyz listen.
 *
 * @param bind an IP address or host name
 * @param port 0..65535; 0 = any free port
 */
public record HttpSettings(String bind, int port) {
}
