package dev.dkimagent.agent.demo.dns;

import java.io.IOException;

/** Wire bytes of a query in, wire bytes of the reply out; IOException for a query that does not parse. */
@FunctionalInterface
interface Handler {
    byte[] handle(byte[] query) throws IOException;
}
