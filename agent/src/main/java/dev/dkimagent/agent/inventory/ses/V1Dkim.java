package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.DkimStatus;

import java.util.List;

/** What v1 GetIdentityDkimAttributes says about one identity. Status null = a value we do not know. */
record V1Dkim(String identity, boolean enabled, DkimStatus status, List<String> tokens) {

    V1Dkim {
        tokens = List.copyOf(tokens);
    }

    /** Needs v2 details whatever the budget: not verified, or verified without Easy-DKIM tokens (BYODKIM?). */
    boolean needsDetails() {
        return status != DkimStatus.SUCCESS || tokens.isEmpty();
    }
}
