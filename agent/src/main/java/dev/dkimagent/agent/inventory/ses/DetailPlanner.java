package dev.dkimagent.agent.inventory.ses;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses which identities get a v2 GetEmailIdentity call this scan, so that thousands of healthy
 * identities cost batch calls, not one call each:
 * <ol>
 *   <li>every identity that is not SUCCESS, or SUCCESS without v1 tokens (maybe BYODKIM);</li>
 *   <li>SUCCESS identities whose details are missing, inconsistent or older than the interval,
 *       oldest first, at most {@code budget} across all accounts and regions;</li>
 *   <li>one identity with tokens per region whose hosted zone is not known yet, if none of the above is.</li>
 * </ol>
 */
final class DetailPlanner {
    private final DetailCache cache;
    private final Duration interval;
    private final int budget;

    DetailPlanner(DetailCache cache, Duration interval, int budget) {
        this.cache = cache;
        this.interval = interval;
        this.budget = budget;
    }

    private record Candidate(PairWork pair, String identity, Instant fetchedAt) {
    }

    void plan(List<PairWork> pairs, Instant now) {
        List<Candidate> refresh = new ArrayList<>();
        for (PairWork pair : pairs) {
            for (V1Dkim v1 : pair.dkim) {
                if (v1.needsDetails()) {
                    pair.planned.add(v1.identity());
                } else {
                    staleSince(pair, v1, now).ifPresent(t -> refresh.add(new Candidate(pair, v1.identity(), t)));
                }
            }
        }
        refresh.stream().sorted(Comparator.comparing(Candidate::fetchedAt)).limit(budget)
                .forEach(c -> c.pair().planned.add(c.identity()));
        planZoneLearning(pairs);
    }

    /** Empty when the cached details are usable; else the time they date from (MIN when unusable). */
    private Optional<Instant> staleSince(PairWork pair, V1Dkim v1, Instant now) {
        Optional<Detail> cached = cache.get(pair.account(), pair.region(), v1.identity());
        if (cached.isEmpty() || !consistent(cached.get(), v1)) {
            return Optional.of(Instant.MIN);
        }
        Instant fetched = cached.get().fetchedAt();
        return fetched.plus(interval).isAfter(now) ? Optional.empty() : Optional.of(fetched);
    }

    /** Cached details describe the current key only while status and tokens still agree with v1. */
    static boolean consistent(Detail cached, V1Dkim v1) {
        boolean tokensAgree = v1.tokens().isEmpty() || v1.tokens().equals(cached.tokens());
        return cached.status() == v1.status() && tokensAgree;
    }

    private void planZoneLearning(List<PairWork> pairs) {
        Set<String> regions = new LinkedHashSet<>();
        pairs.forEach(p -> regions.add(p.region()));
        for (String region : regions) {
            if (cache.zone(region).isEmpty() && !plannedWithTokens(pairs, region)) {
                firstWithTokens(pairs, region).ifPresent(c -> c.pair().planned.add(c.identity()));
            }
        }
    }

    private static boolean plannedWithTokens(List<PairWork> pairs, String region) {
        return pairs.stream().filter(p -> p.region().equals(region))
                .anyMatch(p -> p.dkim.stream().anyMatch(v -> !v.tokens().isEmpty() && p.planned.contains(v.identity())));
    }

    private static Optional<Candidate> firstWithTokens(List<PairWork> pairs, String region) {
        for (PairWork p : pairs) {
            if (p.region().equals(region)) {
                for (V1Dkim v : p.dkim) {
                    if (!v.tokens().isEmpty()) {
                        return Optional.of(new Candidate(p, v.identity(), Instant.MIN));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
