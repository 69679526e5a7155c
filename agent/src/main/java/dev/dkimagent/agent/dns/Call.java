package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Transport;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One query with its attempts: a permit for its address (held until the last attempt ends) -> the
 * address's breaker (send, probe, or give the permit back and wait for the probe) -> pace (rate
 * slot) -> a global in-flight permit -> send -> read. Everything after {@link #prepare} runs on the
 * client's loop thread; a truncated UDP reply is asked again over TCP (dnsjava's TCP client).
 */
final class Call implements AddressBreakers.Waiter, UdpAttempt.Listener {
    private final DnsClient client;
    private final String address;
    private final InetSocketAddress server;
    private final Record question;
    /** The question's name as replies' records give it ({@link QuestionNames.Question#text}). */
    private final String questionText;
    private final String type;
    private final boolean recursionDesired;
    private final Consumer<Exchange> result;
    private byte[] wire;
    private int id;
    private long attemptStart;
    private int attempt = 1;
    private boolean holdsAddressPermit;
    private boolean probe;
    private boolean sent;
    private boolean skipped;

    private Call(DnsClient client, String address, InetSocketAddress server, Record question, String questionText,
                 String type, boolean recursionDesired, Consumer<Exchange> result) {
        this.client = client;
        this.address = address;
        this.server = server;
        this.question = question;
        this.questionText = questionText;
        this.type = type;
        this.recursionDesired = recursionDesired;
        this.result = result;
    }

    /** The call, or null after completing result with the reason the query cannot be sent. */
    static Call prepare(DnsClient client, String address, String name, String type, boolean rd,
                        Consumer<Exchange> result) {
        String mnemonic = type == null ? "" : type.toUpperCase(Locale.ROOT);
        try {
            InetSocketAddress server = client.serverAddress(address);
            int code = Type.value(mnemonic);
            if (code < 0) {
                throw new IllegalArgumentException("unknown query type '" + type + "'");
            }
            QuestionNames.Question asked = client.names().absolute(name);
            Record question = Record.newRecord(asked.name(), code, DClass.IN);
            return new Call(client, address, server, question, asked.text(), mnemonic, rd, result);
        } catch (UnknownHostException | TextParseException | IllegalArgumentException | NullPointerException e) {
            Answer notSent = Answer.failed(Transport.NETWORK_ERROR, "not sent: " + e.getMessage());
            finish(client, QueryEvent.of(address, mnemonic, notSent, rd), result, Exchange.failed(notSent));
            return null;
        }
    }

    void pace() {
        client.activity().begin(address);
        if (client.isClosed()) {
            done(closedFailure());
            return;
        }
        takeAddressPermit();
    }

    private void takeAddressPermit() {
        client.inFlightTo(address).submit(this::withAddressPermit);
    }

    /**
     * Asks the breaker here, not earlier: queries queued for a permit must see a breaker that opened
     * meanwhile. A query that must wait gives its permit back and touches no field after asking:
     * the probe's thread may resume it at once.
     */
    private void withAddressPermit() {
        AddressBreakers.Admission admission = client.breakers().admit(address, this);
        if (admission == AddressBreakers.Admission.WAIT) {
            client.inFlightTo(address).release();
            return;
        }
        holdsAddressPermit = true;
        probe = admission == AddressBreakers.Admission.PROBE;
        attemptNow();
    }

    /** The probe of a broken address ended: go for a permit again if it got a reply, else end unsent. */
    @Override
    public void probeEnded(boolean alive) {
        if (client.isClosed()) {
            done(closedFailure());
        } else if (alive) {
            takeAddressPermit();
        } else {
            skipped = true;
            done(Exchange.failed(Answer.failed(Transport.TIMEOUT, AddressBreakers.notSentDetail(address))));
        }
    }

    private void releaseAddressPermit() {
        if (holdsAddressPermit) {
            holdsAddressPermit = false;
            client.inFlightTo(address).release();
        }
    }

    /** One attempt, unless the client closed: pace (rate slot), then a global in-flight permit, then send. */
    private void attemptNow() {
        if (client.isClosed()) {
            done(closedFailure());
            return;
        }
        client.afterRateSlot(address, recursionDesired, () -> client.inFlight().submit(this::send));
    }

    private static Exchange closedFailure() {
        return Exchange.failed(Answer.failed(Transport.NETWORK_ERROR, "not sent: the DNS client is closed"));
    }

    /** Runs holding an in-flight permit; releases it when the attempt ends. */
    private void send() {
        if (client.isClosed()) {
            client.inFlight().release();
            done(closedFailure());
            return;
        }
        sent = true;
        if (wire == null) {
            wire = QueryWire.encode(question, recursionDesired);
        }
        attemptStart = client.loop().now();
        client.udp().send(address, server, wire, client.settings().timeout().toNanos(), this);
    }

    /** Bytes with our id from the server: check them; a truncated reply goes again over TCP. */
    @Override
    public void udpReceived(byte[] datagram, int id) {
        this.id = id;
        ReplyReader.Read read = ReplyReader.read(datagram, id, question);
        if (read.failure() == null && read.reply().getHeader().getFlag(Flags.TC)) {
            overTcp();
            return;
        }
        attemptEnded(read);
    }

    @Override
    public void udpFailed(Failure failure) {
        attemptEnded(new ReplyReader.Read(null, failure));
    }

    /** Keeps the in-flight permit; the TCP client's thread hands the outcome back to the loop. */
    private void overTcp() {
        Message query = QueryWire.message(question, recursionDesired, id);
        Duration left = client.settings().timeout();
        try {
            client.tcp().sendAndReceiveTcp(null, server, query, query.toWire(), left).whenComplete((bytes, error) ->
                    client.loop().execute(() -> attemptEnded(error == null
                            ? ReplyReader.read(bytes, id, question)
                            : new ReplyReader.Read(null, Failure.of(error)))));
        } catch (RuntimeException e) {
            attemptEnded(new ReplyReader.Read(null, Failure.of(e)));
        }
    }

    private void attemptEnded(ReplyReader.Read read) {
        client.inFlight().release();
        long rtt = TimeUnit.NANOSECONDS.toMillis(client.loop().now() - attemptStart);
        if (read.failure() != null) {
            failed(read.failure(), rtt);
        } else {
            done(new Exchange(Replies.toAnswer(read.reply(), rtt, question.getName(), questionText), read.reply()));
        }
    }

    private void failed(Failure failure, long rtt) {
        if (failure.retryable() && attempt < client.settings().attempts() && !breakerStopsRetries()) {
            attempt++;
            attemptNow();
            return;
        }
        boolean somethingCameBack = !failure.retryable();
        Answer answer = new Answer(failure.transport(), -1, false, List.of(), null, detail(failure),
                somethingCameBack ? rtt : -1);
        done(Exchange.failed(answer));
    }

    /** The breaker opened while this query was out: no more attempts, unless it is the probe. */
    private boolean breakerStopsRetries() {
        return !probe && client.breakers().isOpen(address);
    }

    private String detail(Failure failure) {
        if (failure.transport() == Transport.TIMEOUT) {
            return "timeout after " + attempts() + " of " + human(client.settings().timeout());
        }
        if (failure.transport() == Transport.NETWORK_ERROR && attempt > 1) {
            return failure.reason() + ", after " + attempts();
        }
        return failure.reason();
    }

    private String attempts() {
        return attempt + (attempt == 1 ? " attempt" : " attempts");
    }

    private void done(Exchange exchange) {
        if (sent || probe) {
            client.breakers().record(address, exchange.answer().transport(), probe);
        }
        releaseAddressPermit();
        client.activity().end(address); // after the last use of the address's state, before the caller resumes
        QueryEvent event = skipped ? QueryEvent.skipped(address, type, recursionDesired)
                : QueryEvent.of(address, type, exchange.answer(), recursionDesired);
        finish(client, event, result, exchange);
    }

    private static void finish(DnsClient client, QueryEvent event, Consumer<Exchange> result, Exchange exchange) {
        client.publish(event);
        result.accept(exchange);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
