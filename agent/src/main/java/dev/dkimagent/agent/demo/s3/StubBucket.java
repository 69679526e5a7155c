package dev.dkimagent.agent.demo.s3;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One bucket of the {@link S3Stub}: objects in key order (S3 lists in UTF-8 binary order; ASCII keys here). */
public final class StubBucket {
    /** One stored object. */
    record StoredObject(String key, byte[] data, Instant lastModified, String etag) {
    }

    private final String name;
    private final String region;
    private final NavigableMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();

    StubBucket(String name, String region) {
        this.name = name;
        this.region = region;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    /** Stores an object as PutObject would (replacing one with the same key). */
    public void put(String key, byte[] data) {
        objects.put(key, new StoredObject(key, data.clone(), Instant.now(), "\"" + md5(data) + "\""));
    }

    /** The keys, in listing order. */
    public List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    /** A copy of the object's bytes, or null. */
    public byte[] get(String key) {
        StoredObject object = objects.get(key);
        return object == null ? null : object.data().clone();
    }

    StoredObject object(String key) {
        return objects.get(key);
    }

    /** Keys after {@code after} (exclusive; null = from the start) that start with {@code prefix}. */
    List<StoredObject> from(String after, String prefix) {
        NavigableMap<String, StoredObject> tail = after == null ? objects : objects.tailMap(after, false);
        return tail.values().stream().filter(o -> o.key().startsWith(prefix)).toList();
    }

    void remove(String key) {
        objects.remove(key);
    }

    private static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
