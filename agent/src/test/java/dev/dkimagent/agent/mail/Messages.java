package dev.dkimagent.agent.mail;

/** Real-world shaped messages (CRLF line ends), before signing. */
public final class Messages {
    private Messages() {
    }

    /** What SES hands a receiver, before its two signatures: a folded Subject, a MIME alternative body. */
    public static String sesShaped(String from) {
        return "From: Billing <" + from + ">\r\n"
                + "To: customer@example.org\r\n"
                + "Subject: Your invoice for November is ready, with a subject long enough\r\n"
                + " \tto be folded by the sending library\r\n"
                + "Date: Sun, 6 Dec 2026 11:00:00 +0000\r\n"
                + "Message-ID: <0100018c3a5e1f2b-1234abcd-5678-4ef0-9abc-def012345678-000000@email.amazonses.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative;\r\n"
                + "  boundary=\"----=_Part_1_2026\"\r\n"
                + "\r\n"
                + "------=_Part_1_2026\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Hello,  your invoice   is attached.  \r\n"
                + "\r\n"
                + "Regards\r\n"
                + "------=_Part_1_2026--\r\n"
                + "\r\n"
                + "\r\n";
    }
}
