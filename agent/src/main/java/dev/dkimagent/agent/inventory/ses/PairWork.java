package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.SesApiError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One account x region during one scan: what was read, what to detail, what failed. Single-threaded per phase. */
final class PairWork {
    final SesClients clients;
    boolean listed;
    List<V1Dkim> dkim = List.of();
    final Set<String> planned = new LinkedHashSet<>();
    final Map<String, Detail> fresh = new HashMap<>();
    final List<SesApiError> errors = new ArrayList<>();

    PairWork(SesClients clients) {
        this.clients = clients;
    }

    String account() {
        return clients.account().name();
    }

    String region() {
        return clients.region();
    }

    /** Records an error once per operation and code: fifty throttled detail calls are one blind spot. */
    void addError(SesApiError error) {
        if (!errors.contains(error)) {
            errors.add(error);
        }
    }
}
