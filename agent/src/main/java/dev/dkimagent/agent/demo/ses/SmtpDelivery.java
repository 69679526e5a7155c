package dev.dkimagent.agent.demo.ses;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Delivers by SMTP to one server (a test's GreenMail). */
final class SmtpDelivery implements StubDelivery {
    private final String host;
    private final int port;

    SmtpDelivery(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends the bytes as they are: sendMessage does not re-encode (no saveChanges), so signatures survive. */
    @Override
    public void deliver(String message, String to) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(p);
        MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(mime, new Address[] {new InternetAddress(to)});
        }
    }
}
