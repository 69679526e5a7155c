package dev.dkimagent.agent.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The metrics port the demo asks for: the usual 9108 when it is free, else any free port. */
final class MetricsPort {
    static final int USUAL = 9108;
    static final int ANY_FREE = 0;

    private MetricsPort() {
    }

    static int preferred() {
        try (ServerSocket probe = new ServerSocket(USUAL, 1, InetAddress.getByName("127.0.0.1"))) {
            return USUAL;
        } catch (IOException taken) {
            return ANY_FREE;
        }
    }
}
