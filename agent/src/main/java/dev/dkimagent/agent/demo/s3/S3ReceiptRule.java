package dev.dkimagent.agent.demo.s3;

import dev.dkimagent.agent.demo.ses.StubDelivery;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What an SES receipt rule with an S3 action does with an incoming message: adds the receiving
 * headers (Return-Path, Received, X-SES verdicts) above the message as it arrived and stores it
 * under prefix + SES's inbound message id. Creating the rule stores SES's setup notification too.
 */
public final class S3ReceiptRule implements StubDelivery {
    /** The object SES writes under the prefix when the rule is created. */
    public static final String SETUP_NOTIFICATION = "AMAZON_SES_SETUP_NOTIFICATION";
    private static final String ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StubBucket bucket;
    private final String prefix;
    private final String region;

    public S3ReceiptRule(StubBucket bucket, String prefix, String region) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.region = region;
        bucket.put(prefix + SETUP_NOTIFICATION, ("From: no-reply@amazonses.com\r\nTo: " + bucket.name() + "\r\n"
                + "Subject: Amazon SES Setup Notification\r\n\r\nThis is a notification from Amazon SES that your"
                + " receipt rule can write to this bucket.\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void deliver(String message, String to) {
        String id = inboundId();
        String received = "Return-Path: <" + bounceAddress() + ">\r\n"
                + "Received: from a8-31.smtp-out.amazonses.com (a8-31.smtp-out.amazonses.com [54.240.8.31])\r\n"
                + " by inbound-smtp." + region + ".amazonaws.com with SMTP id " + id + "\r\n"
                + " for " + to + ";\r\n"
                + " " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n"
                + "X-SES-Spam-Verdict: PASS\r\n"
                + "X-SES-Virus-Verdict: PASS\r\n";
        bucket.put(prefix + id, (received + message).getBytes(StandardCharsets.UTF_8));
    }

    /** SES inbound message ids: 40 lower-case letters and digits. */
    private static String inboundId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            id.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    private static String bounceAddress() {
        return "0100018c" + inboundId().substring(0, 24) + "-000000@amazonses.com";
    }
}
