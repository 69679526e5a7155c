package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesIdentityState;

import java.util.List;
import java.util.Optional;

/** v1 attributes + v2 details (fresh, or recent from the cache) -> one {@link SesIdentityState}. */
final class StateBuilder {
    private final DetailCache cache;

    StateBuilder(DetailCache cache) {
        this.cache = cache;
    }

    SesIdentityState build(PairWork pair, V1Dkim v1) {
        Detail fresh = pair.fresh.get(v1.identity());
        if (fresh != null) {
            return fromFresh(pair, v1, fresh);
        }
        if (pair.planned.contains(v1.identity())) {
            return undetailed(pair, v1);   // the detail call failed: say so, guess nothing
        }
        Optional<Detail> cached = cache.get(pair.account(), pair.region(), v1.identity())
                .filter(d -> DetailPlanner.consistent(d, v1));
        return cached.map(d -> fromCached(pair, v1, d)).orElseGet(() -> undetailed(pair, v1));
    }

    private static SesIdentityState fromFresh(PairWork pair, V1Dkim v1, Detail d) {
        return detailed(pair, v1, d, d.status() != null ? d.status() : v1.status(), d.signingEnabled(),
                d.tokens().isEmpty() ? v1.tokens() : d.tokens());
    }

    private static SesIdentityState fromCached(PairWork pair, V1Dkim v1, Detail d) {
        return detailed(pair, v1, d, v1.status(), v1.enabled(), v1.tokens().isEmpty() ? d.tokens() : v1.tokens());
    }

    private static SesIdentityState detailed(PairWork pair, V1Dkim v1, Detail d,
                                             DkimStatus status, boolean enabled,
                                             List<String> tokens) {
        return new SesIdentityState(v1.identity(), pair.account(), pair.region(), status, enabled, d.origin(),
                tokens, d.signingHostedZone(), d.currentKeyLength(), d.nextKeyLength(), d.lastKeyGeneration(),
                d.errorType(), d.lastChecked(), d.lastSuccess(), d.soaSerial(), true);
    }

    private static SesIdentityState undetailed(PairWork pair, V1Dkim v1) {
        return new SesIdentityState(v1.identity(), pair.account(), pair.region(), v1.status(), v1.enabled(), null,
                v1.tokens(), null, null, null, null, null, null, null, null, false);
    }
}
