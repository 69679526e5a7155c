package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures, before resolving, how large a configuration becomes once its substitutions are
 * expanded, and how long its chains of substitutions are. {@code a1 = ${a0}${a0}}, {@code a2 =
 * ${a1}${a1}} ... doubles with every line: forty lines are a terabyte, and the library would try.
 * Each referenced path is measured once (memoised), so measuring is linear in the file.
 */
final class SubstitutionGrowth {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\??([^}]*)}");
    private static final long OVER = ConfigLimits.MAX_EXPANDED_SIZE + 1;

    /** Where the configuration grows too much or chains too long, and why. */
    record Excess(ConfigOrigin origin, String path, String what) {
    }

    private static final class Stop extends RuntimeException {
        final transient Excess excess;

        Stop(Excess excess) {
            super(null, null, false, false);
            this.excess = excess;
        }
    }

    private final ConfigObject root;
    private final Map<String, Long> sizeOfPath = new HashMap<>();
    private final Set<String> measuring = new HashSet<>();

    private SubstitutionGrowth(ConfigObject root) {
        this.root = root;
    }

    /** The first excess found in {@code unresolved} (a parsed, not yet resolved tree), if any. */
    static Optional<Excess> check(ConfigObject unresolved) {
        try {
            new SubstitutionGrowth(unresolved).size(unresolved, "", 0);
            return Optional.empty();
        } catch (Stop stop) {
            return Optional.of(stop.excess);
        }
    }

    /**
     * The size of {@code value} expanded. Where nothing refers to it, a subtree without
     * substitutions cannot grow and is skipped: only {@link #sizeOfPath} measures one whole.
     */
    private long size(ConfigValue value, String path, int chain) {
        return measure(value, path, chain, false);
    }

    private long measure(ConfigValue value, String path, int chain, boolean whole) {
        if (value instanceof ConfigObject object && isWalkable(object)) {
            if (!whole && object.toConfig().isResolved()) {
                return 1;
            }
            long total = 1;
            for (String key : object.keySet()) {
                total = add(total, measure(object.get(key), join(path, key), chain, whole));
                stopIfOver(total, object, path);
            }
            return total;
        }
        if (value instanceof ConfigList list && isWalkable(list)) {
            if (!whole && list.atKey("list").isResolved()) {
                return 1;
            }
            long total = 1;
            for (int i = 0; i < list.size(); i++) {
                total = add(total, measure(list.get(i), path + "[" + i + "]", chain, whole));
                stopIfOver(total, list, path);
            }
            return total;
        }
        if (isResolved(value)) {
            return 1 + String.valueOf(value.unwrapped()).length();
        }
        return unresolvedSize(value, path, chain);
    }

    /** A substitution, a concatenation or a merge: its own text plus the size of everything it refers to. */
    private long unresolvedSize(ConfigValue value, String path, int chain) {
        if (chain >= ConfigLimits.MAX_SUBSTITUTION_CHAIN) {
            throw new Stop(new Excess(value.origin(), path, "substitutions refer to substitutions more than "
                    + ConfigLimits.MAX_SUBSTITUTION_CHAIN + " deep; refer to the value itself"));
        }
        String text = value.render();
        long total = text.length();
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            total = add(total, sizeOfPath(reference.group(1).trim(), chain + 1));
            stopIfOver(total, value, path);
        }
        return total;
    }

    private long sizeOfPath(String path, int chain) {
        Long known = sizeOfPath.get(path);
        if (known != null) {
            return known;
        }
        if (!measuring.add(path)) {
            return 0; // a self-reference (a = ${a} [x]) or a cycle, which resolving reports
        }
        ConfigValue value = find(path);
        long size = value == null ? 0 : measure(value, path, chain, true);
        measuring.remove(path);
        sizeOfPath.put(path, size);
        return size;
    }

    /** The value at {@code path}; where an unresolved merge hides the rest of the path, that merge. */
    private ConfigValue find(String path) {
        List<String> keys;
        try {
            keys = ConfigUtil.splitPath(path);
        } catch (com.typesafe.config.ConfigException e) {
            return null;
        }
        ConfigValue current = root;
        for (String key : keys) {
            if (!(current instanceof ConfigObject object)) {
                return null;
            }
            if (!isWalkable(object)) {
                return current;
            }
            current = object.get(key);
        }
        return current;
    }

    private static void stopIfOver(long total, ConfigValue value, String path) {
        if (total >= OVER) {
            throw new Stop(tooLarge(value.origin(), path.isEmpty() ? "(the whole file)" : path));
        }
    }

    private static Excess tooLarge(ConfigOrigin origin, String path) {
        return new Excess(origin, path, "substitutions expand to more than "
                + ConfigLimits.mebibytes(ConfigLimits.MAX_EXPANDED_SIZE) + " (values that repeat other values"
                + " many times over); write the values out");
    }

    private static boolean isWalkable(ConfigObject object) {
        try {
            object.keySet();
            return true;
        } catch (com.typesafe.config.ConfigException.NotResolved e) {
            return false;
        }
    }

    private static boolean isWalkable(ConfigList list) {
        try {
            list.size();
            return true;
        } catch (com.typesafe.config.ConfigException.NotResolved e) {
            return false;
        }
    }

    private static boolean isResolved(ConfigValue value) {
        try {
            value.valueType();
            return true;
        } catch (com.typesafe.config.ConfigException.NotResolved e) {
            return false;
        }
    }

    private static String join(String path, String key) {
        String quoted = ConfigUtil.joinPath(key);
        return path.isEmpty() ? quoted : path + "." + quoted;
    }

    private static long add(long a, long b) {
        return Math.min(OVER, a + b);
    }
}
