package dev.dkimagent.agent.mail;

import dev.dkimagent.agent.testworld.DkimKey;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.WorldData;
import dev.dkimagent.agent.testworld.WorldZones;
import dev.dkimagent.agent.testworld.ZoneText;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The standard DNS world (ns3 of mycompany.test drifted: no CNAME for MISSING_TOKEN) on its own
 * prefix, with the key server serving keys whose private halves the tests hold: the SES key at
 * every token's CNAME target, and an amazonses.com signing key at {@link #AMAZON_SELECTOR}.
 */
public final class MailWorld implements AutoCloseable {
    /** SES's own second signature: d=amazonses.com with this selector. */
    public static final String AMAZON_SELECTOR = "224i4yxa5dv7c2xz3womw6peuasteono";
    public static final String AMAZON_DOMAIN = "amazonses.com";

    private final DkimWorld dns;
    private final KeyPair sesKey;
    private final KeyPair amazonKey;

    private MailWorld(DkimWorld dns, KeyPair sesKey, KeyPair amazonKey) {
        this.dns = dns;
        this.sesKey = sesKey;
        this.amazonKey = amazonKey;
    }

    /** Starts the world on {@code prefix} (e.g. "127.62.0"); run inside a private network namespace. */
    public static MailWorld start(String prefix) {
        KeyPair ses = rsa();
        KeyPair amazon = rsa();
        ZoneText keys = WorldZones.keys(prefix, dkimKey(ses))
                .txt(AMAZON_SELECTOR + "._domainkey." + AMAZON_DOMAIN + ".", WorldData.RECORD_TTL,
                        dkimKey(amazon).txtStrings().toArray(String[]::new));
        DkimWorld dns = DkimWorld.builder().prefix(prefix).zone("key", WorldData.KEY_ZONE, keys.render()).start();
        return new MailWorld(dns, ses, amazon);
    }

    public DkimWorld dns() {
        return dns;
    }

    /** A signer as SES signs for an Easy-DKIM domain: d=domain, s=token, the world's SES key. */
    public TestSigner ses(String domain, String token) {
        return new TestSigner(domain, token, sesKey.getPrivate());
    }

    /** SES's second signature, d=amazonses.com. */
    public TestSigner amazon() {
        return new TestSigner(AMAZON_DOMAIN, AMAZON_SELECTOR, amazonKey.getPrivate()).canonical("relaxed", "simple");
    }

    public KeyPair sesKeyPair() {
        return sesKey;
    }

    public KeyPair amazonKeyPair() {
        return amazonKey;
    }

    /** A configuration file body that points the agent at this world's resolver. */
    public String config() {
        return """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                }
                """.formatted(dns.resolverAddress());
    }

    @Override
    public void close() {
        dns.close();
    }

    private static DkimKey dkimKey(KeyPair pair) {
        return new DkimKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
