package dev.dkimagent.agent.mail;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies every DKIM-Signature of a message: each distinct s=/d= key is fetched from every
 * nameserver of its zone at once, then each signature is checked against those keys.
 */
public final class MessageVerifier {
    private final KeyFetcher keys;
    private final Clock clock;

    public MessageVerifier(KeyFetcher keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public CompletableFuture<MessageVerification> verify(MailMessage message) {
        List<String> fields = message.signatureFields();
        Map<String, CompletableFuture<KeyLookup>> lookups = new LinkedHashMap<>();
        for (String field : fields) {
            SignatureTags tags = SignatureVerifier.tagsOf(field);
            if (tags != null) {
                lookups.computeIfAbsent(keyName(tags), k -> keys.fetch(tags.selector(), tags.domain()));
            }
        }
        return CompletableFuture.allOf(lookups.values().toArray(CompletableFuture[]::new))
                .thenApply(ignored -> new MessageVerification(
                        fields.stream().map(field -> verifyOne(message, field, lookups)).toList(),
                        ReceiverResult.parseAll(message.fields("Authentication-Results"))));
    }

    private SignatureResult verifyOne(MailMessage message, String field, Map<String, CompletableFuture<KeyLookup>> lookups) {
        SignatureTags tags = SignatureVerifier.tagsOf(field);
        KeyLookup lookup = tags == null ? KeyLookup.failed("", null, null, false) : lookups.get(keyName(tags)).join();
        return SignatureVerifier.verify(message, field, lookup, clock.instant());
    }

    private static String keyName(SignatureTags tags) {
        return tags.selector().toLowerCase(java.util.Locale.ROOT) + "._domainkey." + tags.domain();
    }
}
