package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** Reads {@code dkim-agent.canary.mailbox.s3}: the bucket and prefix an SES receipt rule stores messages under. */
final class S3MailboxReader {
    static final String PATH = CanaryReader.PATH + ".mailbox.s3";
    /** S3's bucket naming rules: 3 to 63 of a-z 0-9 . -, starting and ending with a letter or digit. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final int MAX_PREFIX = 512;
    private static final String BUCKET_WHAT = "an S3 bucket name such as \"mycompany-dkim-canary\"";
    private static final String ENDPOINT = "\"\" (AWS) or an absolute http(s) URL of an S3-compatible store such as"
            + " \"https://s3.example.org\"";

    private S3MailboxReader() {
    }

    /** missing: reports a key that is needed once the canary is enabled (and says nothing when it is off). */
    static CanarySettings.S3Settings read(Node s3, Config reference, BiConsumer<Node, String> missing) {
        if (!s3.requireObject("an object with the S3 mailbox settings { bucket, prefix, region }")) {
            return new CanarySettings.S3Settings("", "", "", "");
        }
        KnownKeys.check(s3, reference.getObject(PATH).keySet());
        String bucket = bucket(s3.child("bucket"), missing);
        String prefix = prefix(s3.child("prefix"));
        Node regionNode = s3.child("region");
        String region = regionNode.string("\"\" or an AWS region such as \"us-east-1\"").orElse("");
        if (!region.isEmpty() && !CanaryReader.checkRegion(regionNode, region)) {
            region = "";
        }
        return new CanarySettings.S3Settings(bucket, prefix, region, endpoint(s3.child("endpoint")));
    }

    private static String bucket(Node node, BiConsumer<Node, String> missing) {
        String text = node.string(BUCKET_WHAT).orElse("");
        if (text.isEmpty()) {
            missing.accept(node, BUCKET_WHAT);
        } else if (!BUCKET.matcher(text).matches() || text.contains("..") || IP_LIKE.matcher(text).matches()) {
            node.problem("expected " + BUCKET_WHAT + " (3 to 63 lower-case letters, digits, dots and hyphens), got "
                    + node.describe());
        }
        return text;
    }

    /** As the receipt rule's "object key prefix" is written: no leading slash (S3 keys have none). */
    private static String prefix(Node node) {
        String text = node.string("a key prefix such as \"dkim-canary/\" or \"\"").orElse("");
        if (text.startsWith("/")) {
            node.problem("expected a key prefix without a leading '/' (write it as in the receipt rule, such as"
                    + " \"dkim-canary/\"), got " + node.describe());
        } else if (text.length() > MAX_PREFIX) {
            node.problem("expected a key prefix of at most " + MAX_PREFIX + " characters, got " + text.length());
        }
        return text;
    }

    private static String endpoint(Node node) {
        String url = node.string(ENDPOINT).orElse("");
        if (url.isEmpty()) {
            return url;
        }
        return Urls.check(url, true).map(problem -> {
            node.problem(problem == Urls.Problem.PLAIN_HTTP_OFF_LOOPBACK
                    ? "plain http is only allowed to loopback; use https, got " + node.describe()
                    : "expected " + ENDPOINT + ", got " + node.describe());
            return "";
        }).orElse(url);
    }
}
