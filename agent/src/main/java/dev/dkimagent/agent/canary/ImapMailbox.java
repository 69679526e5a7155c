package dev.dkimagent.agent.canary;

import dev.dkimagent.agent.config.CanarySettings.ImapSettings;
import dev.dkimagent.rules.model.CanaryRound;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The canary mailbox over IMAP (Angus Mail). One short session per look: connect, search the
 * folder for the canary header with this id (the server searches; no other message is fetched),
 * read it raw, flag it deleted and expunge. The password never appears in an error.
 */
public final class ImapMailbox implements CanaryMailbox {
    private static final String TIMEOUT_MS = "30000";

    private final ImapSettings imap;

    public ImapMailbox(ImapSettings imap) {
        this.imap = imap;
    }

    @Override
    public Optional<byte[]> take(String id) throws CanaryException {
        String protocol = imap.tls() ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol));
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.user(), imap.password());
            return takeFrom(store, id);
        } catch (MessagingException | IOException e) {
            throw new CanaryException(CanaryRound.Stage.MAILBOX, display() + ": " + describe(e), e);
        }
    }

    private Optional<byte[]> takeFrom(Store store, String id) throws MessagingException, IOException {
        Folder folder = store.getFolder(imap.folder());
        folder.open(Folder.READ_WRITE);
        try {
            Message[] found = folder.search(new HeaderTerm(CanaryMessage.HEADER, id));
            for (Message message : found) {
                String[] values = message.getHeader(CanaryMessage.HEADER);
                if (values != null && values.length > 0 && values[0].trim().equals(id)) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    message.setFlag(Flags.Flag.DELETED, true);
                    return Optional.of(raw.toByteArray());
                }
            }
            return Optional.empty();
        } finally {
            folder.close(true); // expunges what this session flagged: only the canary's own message
        }
    }

    private Properties properties(String protocol) {
        Properties p = new Properties();
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (imap.tls()) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return p;
    }

    private String describe(Exception e) {
        String text = String.valueOf(e.getMessage());
        return e.getClass().getSimpleName() + ": " + (imap.password().isEmpty() ? text : text.replace(imap.password(), "<redacted>"));
    }

    @Override
    public String display() {
        return imap.display();
    }
}
