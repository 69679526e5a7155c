package dev.dkimagent.agent.demo.ses;

import jakarta.mail.MessagingException;

/** Where the stub's SES hands a sent, signed message: a mail server, or a bucket as an SES receipt rule would. */
@FunctionalInterface
public interface StubDelivery {
    /** message: the raw RFC 5322 text, CRLF line ends, exactly as signed. */
    void deliver(String message, String to) throws MessagingException;
}
