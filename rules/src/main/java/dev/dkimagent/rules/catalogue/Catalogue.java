package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Rule;
import java.util.List;

/** Every rule dkim-agent runs, in catalogue order. */
public final class Catalogue {
    private Catalogue() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
