package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One place in the configuration tree: its key path and value (absent when not set).
 * Typed reads report a problem and return empty instead of throwing, so reading goes on
 * and every mistake is found in one run.
 */
final class Node {
    private static final String ENVIRONMENT = "env variable";

    /** The parent, or null at the root. */
    private final Node parent;
    /** The key in the parent object, or null for a list element. */
    private final String key;
    /** The index in the parent list (-1 otherwise). */
    private final int index;
    /** The root's path (null below the root). */
    private final String rootPath;
    private final ConfigValue value;
    /** The same place before substitutions were resolved: where a {@code ${?VAR}} is written. */
    private final ConfigValue written;
    private final Problems problems;

    private Node(Node parent, String key, int index, String rootPath, ConfigValue value, ConfigValue written,
                 Problems problems) {
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.rootPath = rootPath;
        this.value = value;
        this.written = written;
        this.problems = problems;
    }

    /** The root; {@code written} is the same value before resolving (null when not known). */
    static Node root(String path, ConfigValue value, ConfigValue written, Problems problems) {
        return new Node(null, null, -1, path, value, written, problems);
    }

    /** The key path, such as {@code dkim-agent.identities[3].tokens}; built only when asked (for a message). */
    String path() {
        if (parent == null) {
            return rootPath;
        }
        return key != null ? parent.path() + "." + ConfigUtil.joinPath(key) : parent.path() + "[" + index + "]";
    }

    /** True when the key is set to something other than null. */
    boolean isSet() {
        return value != null && value.valueType() != ConfigValueType.NULL;
    }

    /**
     * Where the value is written; for an absent key, where its parent is; for a value from the
     * environment, where the file substitutes it.
     */
    ConfigOrigin origin() {
        if (value == null) {
            return parent == null ? null : parent.origin();
        }
        if (isFromEnvironment() && written != null) {
            return written.origin();
        }
        return value.origin();
    }

    /** True when the value comes from an environment variable ({@code ${?VAR}}): never shown, may be a secret. */
    boolean isFromEnvironment() {
        if (value == null) {
            return false;
        }
        ConfigOrigin origin = value.origin();
        return origin.filename() == null && origin.url() == null && origin.resource() == null
                && origin.description().startsWith(ENVIRONMENT);
    }

    ConfigValueType type() {
        return value == null ? ConfigValueType.NULL : value.valueType();
    }

    void problem(String what) {
        problems.add(origin(), path(), isFromEnvironment() ? withoutValue(what) : what);
    }

    /**
     * A reader may quote the text it got, or a part of it ('...'); from the environment, that text
     * may be a secret, so no quoted text survives.
     */
    private String withoutValue(String what) {
        String raw = String.valueOf(value.unwrapped());
        String unquoted = what.replaceAll("'[^']*'", "(not shown: from the environment)");
        return Shown.withoutSecrets(unquoted, java.util.List.of(raw, raw.trim()));
    }

    Node child(String key) {
        ConfigValue child = value instanceof ConfigObject object ? object.get(key) : null;
        return new Node(this, key, -1, null, child, writtenChild(key), problems);
    }

    /** The keys of an object, in the order they are written (by line), then by name. */
    List<String> keys() {
        if (!(value instanceof ConfigObject object)) {
            return List.of();
        }
        return inWrittenOrder(object, object.keySet());
    }

    /** The keys of an object that are not in {@code known}, in the order they are written. */
    List<String> keysNotIn(java.util.Collection<String> known) {
        if (!(value instanceof ConfigObject object)) {
            return List.of();
        }
        List<String> unknown = null;
        for (String k : object.keySet()) {
            if (!known.contains(k)) {
                unknown = unknown == null ? new ArrayList<>() : unknown;
                unknown.add(k);
            }
        }
        return unknown == null ? List.of() : inWrittenOrder(object, unknown);
    }

    private static List<String> inWrittenOrder(ConfigObject object, java.util.Collection<String> keys) {
        return keys.stream()
                .sorted(Comparator.comparingInt((String k) -> object.get(k).origin().lineNumber())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** True when this is an object; otherwise reports "expected {what}". */
    boolean requireObject(String what) {
        if (type() == ConfigValueType.OBJECT) {
            return true;
        }
        problem("expected " + what + ", got " + describe());
        return false;
    }

    /** The elements of a list; otherwise reports "expected {what}" and returns none. */
    List<Node> list(String what) {
        if (!(value instanceof ConfigList values)) {
            problem("expected " + what + ", got " + describe());
            return List.of();
        }
        List<Node> elements = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            elements.add(new Node(this, null, i, null, values.get(i), writtenElement(i), problems));
        }
        return elements;
    }

    /** A scalar as text (numbers and booleans too: unquoted 192.0.2.1 is text to HOCON anyway). */
    Optional<String> string(String what) {
        ConfigValueType t = type();
        if (t == ConfigValueType.STRING || t == ConfigValueType.NUMBER || t == ConfigValueType.BOOLEAN) {
            return Optional.of(String.valueOf(value.unwrapped()).trim());
        }
        problem("expected " + what + ", got " + describe());
        return Optional.empty();
    }

    Optional<Duration> duration() {
        String what = "a duration such as 500ms, 2s, 5m or 1d";
        if (!isScalar(what)) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.atKey("v").getDuration("v"));
        } catch (com.typesafe.config.ConfigException e) {
            problem("expected " + what + ", got " + describe());
            return Optional.empty();
        }
    }

    /** A duration greater than zero. */
    Optional<Duration> positiveDuration() {
        return duration().filter(d -> reportUnless(!d.isZero() && !d.isNegative(), "a duration > 0"));
    }

    /** A duration of zero or more. */
    Optional<Duration> nonNegativeDuration() {
        return duration().filter(d -> reportUnless(!d.isNegative(), "a duration >= 0"));
    }

    /** A duration of at least {@code min}, which the message spells as {@code minText} (e.g. "10s"). */
    Optional<Duration> durationAtLeast(Duration min, String minText) {
        return duration().filter(d -> reportUnless(d.compareTo(min) >= 0, "a duration >= " + minText));
    }

    /** A number greater than zero; fractions allowed (0.5). */
    Optional<Double> positiveNumber() {
        String what = "a number > 0";
        if (!isScalar(what)) {
            return Optional.empty();
        }
        try {
            double n = value.atKey("v").getDouble("v");
            if (n > 0 && Double.isFinite(n)) {
                return Optional.of(n);
            }
        } catch (com.typesafe.config.ConfigException e) {
            // reported below, with the same words as an out-of-range number
        }
        problem("expected " + what + ", got " + describe());
        return Optional.empty();
    }

    Optional<Long> longAtLeast(long min) {
        String what = "an integer >= " + min;
        if (!isScalar(what)) {
            return Optional.empty();
        }
        try {
            long n = value.atKey("v").getLong("v");
            if (n >= min && !isFraction()) {
                return Optional.of(n);
            }
        } catch (com.typesafe.config.ConfigException e) {
            // reported below, with the same words as an out-of-range number
        }
        problem("expected " + what + ", got " + describe());
        return Optional.empty();
    }

    Optional<Integer> intAtLeast(int min) {
        Optional<Long> n = longAtLeast(min);
        if (n.isPresent() && n.get() > Integer.MAX_VALUE) {
            problem("expected an integer from " + min + " to " + Integer.MAX_VALUE + ", got " + describe());
            return Optional.empty();
        }
        return n.map(Long::intValue);
    }

    Optional<Boolean> bool() {
        String what = "true or false";
        if (!isScalar(what)) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.atKey("v").getBoolean("v"));
        } catch (com.typesafe.config.ConfigException e) {
            problem("expected " + what + ", got " + describe());
            return Optional.empty();
        }
    }

    /** The raw scalar text, without reporting anything (empty when absent). */
    String text() {
        return value == null ? "" : String.valueOf(value.unwrapped());
    }

    /**
     * How the value reads in a message: quoted text for scalars (clipped), the kind for the rest;
     * a value from the environment is never shown.
     */
    String describe() {
        if (isFromEnvironment()) {
            return "a value from the environment (not shown)";
        }
        return switch (type()) {
            case NULL -> value == null ? "nothing" : "null";
            case OBJECT -> "an object";
            case LIST -> "a list";
            default -> "'" + Shown.value(String.valueOf(value.unwrapped())) + "'";
        };
    }

    private ConfigValue writtenChild(String key) {
        try {
            return written instanceof ConfigObject object ? object.get(key) : null;
        } catch (com.typesafe.config.ConfigException.NotResolved e) {
            return null; // an unresolved merge: the resolved origin is the best there is
        }
    }

    private ConfigValue writtenElement(int index) {
        try {
            return written instanceof ConfigList list && index < list.size() ? list.get(index) : null;
        } catch (com.typesafe.config.ConfigException.NotResolved e) {
            return null;
        }
    }

    private boolean reportUnless(boolean ok, String what) {
        if (!ok) {
            problem("expected " + what + ", got " + describe());
        }
        return ok;
    }

    private boolean isScalar(String what) {
        ConfigValueType t = type();
        if (t == ConfigValueType.STRING || t == ConfigValueType.NUMBER || t == ConfigValueType.BOOLEAN) {
            return true;
        }
        problem("expected " + what + ", got " + describe());
        return false;
    }

    private boolean isFraction() {
        return value.unwrapped() instanceof Double d && d != Math.rint(d);
    }
}
