package dev.dkimagent.rules.model;

import java.util.Locale;

/** DNS names as the model keeps them: lower case, no trailing dot. */
public final class Names {
    private Names() {
    }

    public static String normal(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
    }

    /** True when {@code name} equals {@code zone} or lies below it. */
    public static boolean isAtOrBelow(String name, String zone) {
        String n = normal(name);
        String z = normal(zone);
        return n.equals(z) || n.endsWith("." + z);
    }
}
