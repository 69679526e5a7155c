package dev.dkimagent.agent.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An in-process DNS responder for tests, on UDP and TCP at one address and port. Each
 * (name, type) is scripted with a {@link Reply}; anything unscripted gets REFUSED. It records
 * every query (name, type, RD, transport, arrival time) and the most replies it ever owed at once.
 */
public final class FakeNameserver implements AutoCloseable {

    /** One query as it arrived. */
    public record Received(String name, String type, boolean recursionDesired, boolean tcp, long arrivalNanos,
                           int id, int sourcePort) {
    }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<String, Reply> script = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor();
    private volatile Reply otherwise = Reply.withRcode(Rcode.REFUSED);
    private volatile boolean closed;

    private FakeNameserver(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        daemon("fake-ns-udp-" + port(), this::serveUdp).start();
        daemon("fake-ns-tcp-" + port(), this::acceptTcp).start();
    }

    /** On 127.0.0.1, a free port. */
    public static FakeNameserver start() throws IOException {
        return start("127.0.0.1", 0);
    }

    /** On this loopback address and port (0: a port free for both UDP and TCP). */
    public static FakeNameserver start(String ip, int port) throws IOException {
        InetAddress address = InetAddress.getByName(ip);
        IOException last = null;
        for (int tries = 0; tries < 20; tries++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(address, udp.getLocalPort()));
                return new FakeNameserver(udp, tcp);
            } catch (IOException taken) {
                udp.close();
                last = taken;
                if (port != 0) {
                    break;
                }
            }
        }
        throw last;
    }

    /** "ip:port", the form DnsClient takes. */
    public String address() {
        return ip() + ":" + port();
    }

    public String ip() {
        return udp.getLocalAddress().getHostAddress();
    }

    public int port() {
        return udp.getLocalPort();
    }

    public FakeNameserver on(String name, String type, Reply reply) {
        script.put(key(name, type), reply);
        return this;
    }

    /** The reply for anything not scripted (REFUSED unless changed). */
    public FakeNameserver otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int queryCount() {
        return received.size();
    }

    public int queryCount(String name, String type) {
        String k = key(name, type);
        return (int) received.stream().filter(r -> key(r.name(), r.type()).equals(k)).count();
    }

    /** The most queries this server held unanswered at one moment (dropped ones not counted). */
    public int maxOutstanding() {
        return maxOutstanding.get();
    }

    /** A record from presentation text: "owner ttl [IN] TYPE rdata...". */
    public static Record rr(String line) {
        String[] t = line.trim().split("\\s+", 5);
        int i = t[2].equalsIgnoreCase("IN") ? 3 : 2;
        String rest = String.join(" ", Arrays.copyOfRange(t, i + 1, t.length));
        try {
            return Record.fromString(Name.fromString(t[0], Name.root), Type.value(t[i]), DClass.IN,
                    Long.parseLong(t[1]), rest, Name.root);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad record text: " + line, e);
        }
    }

    /** A plausible SOA for a zone apex. */
    public static Record soa(String zone, long serial) {
        String z = zone.endsWith(".") ? zone : zone + ".";
        return rr(z + " 3600 IN SOA ns1." + z + " hostmaster." + z + " " + serial + " 3600 600 86400 300");
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(FakeNameserver::quietClose);
        delayer.shutdownNow();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return;
            }
            byte[] in = Arrays.copyOf(packet.getData(), packet.getLength());
            SocketAddress from = packet.getSocketAddress();
            handle(in, false, ((java.net.InetSocketAddress) from).getPort(), out -> sendUdp(out, from));
        }
    }

    private void sendUdp(byte[] out, SocketAddress to) {
        try {
            udp.send(new DatagramPacket(out, out.length, to));
        } catch (IOException ignored) {
            // the test will see a timeout
        }
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket s = tcp.accept();
                connections.add(s);
                daemon("fake-ns-tcp-conn", () -> serveTcp(s)).start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (!closed) {
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                handle(query, true, -1, reply -> writeTcp(out, reply));
            }
        } catch (EOFException done) {
            // client closed the connection
        } catch (IOException ignored) {
            // connection gone
        }
    }

    private static void writeTcp(DataOutputStream out, byte[] reply) {
        synchronized (out) {
            try {
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            } catch (IOException ignored) {
                // connection gone
            }
        }
    }

    private void handle(byte[] bytes, boolean overTcp, int sourcePort, Consumer<byte[]> sink) {
        Message query;
        try {
            query = new Message(bytes);
        } catch (IOException e) {
            return;
        }
        Record q = query.getQuestion();
        String name = q.getName().toString();
        String type = Type.string(q.getType());
        received.add(new Received(norm(name), type, query.getHeader().getFlag(Flags.RD), overTcp, System.nanoTime(),
                query.getHeader().getID(), sourcePort));
        Reply reply = script.getOrDefault(key(name, type), otherwise);
        int seen = perKey.computeIfAbsent(key(name, type), k -> new AtomicInteger()).incrementAndGet();
        if (reply.kind() == Reply.Kind.DROP || seen <= reply.dropFirst()) {
            return;
        }
        byte[] out = render(query, reply, overTcp);
        int now = outstanding.incrementAndGet();
        maxOutstanding.accumulateAndGet(now, Math::max);
        Runnable send = () -> {
            outstanding.decrementAndGet();
            sink.accept(out);
        };
        if (reply.delay().isZero()) {
            send.run();
        } else {
            delayer.schedule(send, reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] render(Message query, Reply reply, boolean overTcp) {
        int id = query.getHeader().getID();
        switch (reply.kind()) {
            case GARBAGE:
                return garbage((id + 1) & 0xFFFF);
            case GARBAGE_WITH_OUR_ID:
                return garbage(id);
            case WRONG_ID:
                return message(query, reply, (id + 1) & 0xFFFF, query.getQuestion(), overTcp).toWire();
            case COMPRESSION_LOOP:
                return compressionLoop(message(query, reply, id, query.getQuestion(), overTcp).toWire());
            case WRONG_QUESTION:
                Record other = Record.newRecord(name("wrong-question.invalid."), query.getQuestion().getType(),
                        DClass.IN);
                return message(query, reply, id, other, overTcp).toWire();
            default:
                return message(query, reply, id, query.getQuestion(), overTcp).toWire();
        }
    }

    private static Message message(Message query, Reply reply, int id, Record question, boolean overTcp) {
        Message m = new Message(id);
        m.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            m.getHeader().setFlag(Flags.RD);
            m.getHeader().setFlag(Flags.RA);
        }
        if (reply.aa()) {
            m.getHeader().setFlag(Flags.AA);
        }
        m.getHeader().setRcode(reply.code());
        m.addRecord(question, Section.QUESTION);
        if (reply.tcOverUdp() && !overTcp) {
            m.getHeader().setFlag(Flags.TC);
            return m;
        }
        reply.answers().forEach(r -> m.addRecord(r, Section.ANSWER));
        reply.authorities().forEach(r -> m.addRecord(r, Section.AUTHORITY));
        reply.additionals().forEach(r -> m.addRecord(r, Section.ADDITIONAL));
        return m;
    }

    /** A well-formed reply plus one answer record whose owner is "a" followed by a pointer back to that "a". */
    private static byte[] compressionLoop(byte[] reply) {
        int at = reply.length;
        byte[] b = Arrays.copyOf(reply, at + 14);
        b[7] = 1; // ANCOUNT = 1 (the rendered reply has none)
        byte[] record = {1, 'a', (byte) (0xC0 | (at >> 8)), (byte) at, 0, 16, 0, 1, 0, 0, 0, 60, 0, 0};
        System.arraycopy(record, 0, b, at, record.length);
        return b;
    }

    /**
     * An id, then 0xFF bytes: a header claiming 65535 records per section and too few bytes to
     * hold them. The TC bit is cleared, as dnsjava forgives a short message that says it is truncated.
     */
    private static byte[] garbage(int id) {
        byte[] b = new byte[40];
        Arrays.fill(b, (byte) 0xFF);
        b[0] = (byte) (id >> 8);
        b[1] = (byte) id;
        b[2] = (byte) 0xFD;
        return b;
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String key(String name, String type) {
        return norm(name) + "/" + type.toUpperCase(Locale.ROOT);
    }

    private static String norm(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
