package dev.dkimagent.agent.testworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** dig for tests: one query with dnsjava's SimpleResolver, RD as asked, failures as exceptions. */
public final class Dig {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private Dig() {
    }

    /** Asks {@code address}:53 directly, RD=0: what an authoritative check sees. */
    public static Message authoritative(String address, String name, int type) {
        return ask(address, WorldData.DNS_PORT, name, type, false);
    }

    /** Asks a resolver at {@code address}:53 with RD=1. */
    public static Message recursive(String address, String name, int type) {
        return ask(address, WorldData.DNS_PORT, name, type, true);
    }

    public static Message ask(String address, int port, String name, int type, boolean recursionDesired) {
        Message query = Message.newQuery(Record.newRecord(DnsPing.absolute(name), type, DClass.IN));
        if (!recursionDesired) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        try {
            SimpleResolver resolver = new SimpleResolver(InetAddress.getByName(address));
            resolver.setPort(port);
            resolver.setTimeout(TIMEOUT);
            return resolver.send(query);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + address + ":" + port + " for " + name, e);
        }
    }

    /** The answer section's records of {@code type}. */
    public static List<Record> answers(Message reply, int type) {
        return reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }
}
