package dev.dkimagent.agent.demo;

import dev.dkimagent.agent.demo.s3.S3ReceiptRule;
import dev.dkimagent.agent.demo.s3.S3Stub;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.demo.ses.StubMailer;
import java.security.KeyPair;
import java.util.List;

/**
 * The demo's canary world: SES SendEmail signs with the demo key (as Easy DKIM would, s= the
 * first token) and an SES receipt rule stores the message in the S3 stub, where the daemon's
 * canary finds, verifies and deletes it. Every message also carries SES's own d=amazonses.com
 * signature. healthy.test signs: a good round trip, no alert. shop.test lost its verification
 * and SES stopped signing its mail with its key, so only amazonses.com signs: CANARY_NOT_SIGNED.
 */
final class DemoCanary {
    static final String BUCKET = "dkim-agent-demo-canary";
    static final String PREFIX = "canary/";
    static final String TO = "dkim-canary@inbound.demo.test";
    static final String INTERVAL = "15s";
    static final String TIMEOUT = "10s";
    static final List<String> IDENTITIES = List.of(DemoWorld.HEALTHY, DemoZones.CLEANED_UP);

    private DemoCanary() {
    }

    static void wire(AwsSesStub ses, S3Stub s3, List<DemoIdentity> identities, KeyPair key, KeyPair amazonKey) {
        StubMailer mailer = new StubMailer(new S3ReceiptRule(s3.bucket(BUCKET, DemoWorld.REGION), PREFIX,
                DemoWorld.REGION));
        identities.forEach(i -> mailer.signWith(i.domain(), i.tokens().get(0), key.getPrivate()));
        mailer.amazonSignature(DemoZones.AMAZON_SELECTOR, amazonKey.getPrivate());
        ses.domain(AwsSesStub.BASE_ACCOUNT, DemoWorld.REGION, DemoZones.CLEANED_UP).signingEnabled(false);
        ses.mailer(mailer);
    }

    /** The canary block of the demo's dkim-agent.conf. */
    static String config(String s3Endpoint) {
        return """
                canary {
                    enabled = true
                    interval = %s
                    timeout = %s
                    identities = [%s]
                    to = "%s"
                    mailbox.s3 { bucket = "%s", prefix = "%s", region = "%s", endpoint = "%s" }
                  }""".formatted(INTERVAL, TIMEOUT, String.join(", ", IDENTITIES.stream().map(d -> "\"" + d + "\"")
                .toList()), TO, BUCKET, PREFIX, DemoWorld.REGION, s3Endpoint);
    }
}
