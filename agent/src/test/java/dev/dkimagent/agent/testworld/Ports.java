package dev.dkimagent.agent.testworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports for the servers and agents the tests start. */
public final class Ports {
    private Ports() {
    }

    /** A TCP port free on the loopback address now (the caller binds it soon after). */
    public static int freeLoopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on the loopback address", e);
        }
    }
}
