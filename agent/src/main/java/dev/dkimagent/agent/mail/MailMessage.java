package dev.dkimagent.agent.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.james.jdkim.api.Headers;
import org.apache.james.jdkim.impl.Message;

/**
 * One RFC 5322 message as jDKIM parses it: the header fields exactly as they were written
 * (folding kept, for simple canonicalization) and the body bytes. Bare LF line ends (a message
 * pasted into a terminal) become CRLF, as they were on the wire.
 */
public final class MailMessage {
    /** Larger than any mail SES accepts (40 MB); a bound so a wrong file cannot fill the heap. */
    static final int MAX_BYTES = 50 * 1024 * 1024;

    private final Headers headers;
    private final byte[] body;

    private MailMessage(Headers headers, byte[] body) {
        this.headers = headers;
        this.body = body;
    }

    /** Reads the whole message; a file that is not a message is an {@link InvalidMessageException}. */
    public static MailMessage read(InputStream in) throws IOException, InvalidMessageException {
        byte[] raw = in.readNBytes(MAX_BYTES + 1);
        if (raw.length > MAX_BYTES) {
            throw new InvalidMessageException("larger than " + MAX_BYTES / (1024 * 1024) + " MB: not one message");
        }
        return parse(raw);
    }

    public static MailMessage parse(byte[] raw) throws InvalidMessageException {
        Message parsed;
        try {
            parsed = new Message(new ByteArrayInputStream(raw));
        } catch (Exception e) {
            throw new InvalidMessageException("cannot parse the message: " + e.getMessage());
        }
        try {
            if (parsed.getFields().isEmpty()) {
                throw new InvalidMessageException("no header fields: an RFC 5322 message starts with"
                        + " fields such as From:, then an empty line, then the body");
            }
            InputStream body = parsed.getBodyInputStream();
            return new MailMessage(parsed, body == null ? new byte[0] : body.readAllBytes());
        } catch (IOException e) {
            throw new InvalidMessageException("cannot read the message body: " + e.getMessage());
        } finally {
            parsed.dispose();
        }
    }

    /** The header fields, for jDKIM's header canonicalization. */
    Headers headers() {
        return headers;
    }

    byte[] body() {
        return body.clone();
    }

    /** Every DKIM-Signature field, top (newest) first, each as written: {@code DKIM-Signature: v=1; ...}. */
    public List<String> signatureFields() {
        return fields("DKIM-Signature");
    }

    /** Fields of that name, top first, as written. */
    public List<String> fields(String name) {
        List<String> found = headers.getFields(name);
        return found == null ? List.of() : List.copyOf(found);
    }
}
