package dev.dkimagent.agent.canary;

import dev.dkimagent.agent.config.CanarySettings.S3Settings;
import dev.dkimagent.rules.model.CanaryRound;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The canary mailbox on S3: the objects an SES receipt rule's S3 action stored under a prefix
 * (raw message, key = prefix + SES's own message id, so the key cannot be known in advance).
 * Each look lists the prefix and reads only the first {@link #HEAD_BYTES} of each object it has
 * not seen (a ranged GET) to find the canary header; only the object with this round's id is read
 * whole and deleted. Objects that are not this round's are remembered and never read again.
 */
public final class S3Mailbox implements CanaryMailbox {
    /** Enough for SES's header section (Received, X-SES-*, two DKIM-Signatures, the canary header). */
    static final int HEAD_BYTES = 16 * 1024;
    private static final int REMEMBERED = 10_000;
    private static final int SHARED_PREFIX_HINT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(S3Mailbox.class);

    private final S3Client s3;
    private final S3Settings settings;
    private final Set<String> others = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** The client is the caller's to close. */
    public S3Mailbox(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    public synchronized Optional<byte[]> take(String id) throws CanaryException {
        try {
            return find(id);
        } catch (S3Exception e) {
            throw new CanaryException(CanaryRound.Stage.MAILBOX, display() + ": " + S3Errors.describe(e, settings), e);
        } catch (SdkException e) {
            throw new CanaryException(CanaryRound.Stage.MAILBOX, display() + ": cannot reach S3: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private Optional<byte[]> find(String id) {
        int headsRead = 0;
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(settings.prefix()))
                .contents()) {
            String key = object.key();
            if (others.contains(key)) {
                continue;
            }
            headsRead++;
            Optional<String> canaryId = head(key);
            if (canaryId.isPresent() && canaryId.get().equals(id)) {
                return whole(key).map(raw -> {
                    s3.deleteObject(r -> r.bucket(settings.bucket()).key(key));
                    return raw;
                });
            }
            others.add(key); // not this round's (another mail, or a canary that came too late): never read again
        }
        if (headsRead > SHARED_PREFIX_HINT) {
            LOG.warn("{}: read the head of {} objects that are not canary messages; give the canary's receipt rule"
                    + " a prefix of its own", display(), headsRead);
        }
        return Optional.empty();
    }

    /** The canary id in the first bytes, or empty (also when the object is gone meanwhile). */
    private Optional<String> head(String key) {
        try {
            byte[] head = s3.getObjectAsBytes(r -> r.bucket(settings.bucket()).key(key)
                    .range("bytes=0-" + (HEAD_BYTES - 1))).asByteArray();
            return CanaryHeader.valueIn(head);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> whole(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(settings.bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public String display() {
        return settings.display();
    }
}
