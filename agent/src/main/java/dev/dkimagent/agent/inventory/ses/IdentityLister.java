package dev.dkimagent.agent.inventory.ses;

import software.amazon.awssdk.services.ses.model.IdentityType;
import software.amazon.awssdk.services.ses.model.ListIdentitiesResponse;

import java.util.ArrayList;
import java.util.List;

/** The domain identities of one account x region, every page, each page one limited call. */
final class IdentityLister {
    static final String OPERATION = "ListIdentities";
    static final int PAGE_SIZE = 1000;

    private final GlobFilter filter;

    IdentityLister(GlobFilter filter) {
        this.filter = filter;
    }

    /** Domains that pass the filter; email-address identities have no DNS and are skipped. */
    List<String> list(SesClients clients) throws SesCallFailed {
        List<String> names = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListIdentitiesResponse page = clients.caller().call(OPERATION, () -> clients.v1().listIdentities(r -> r
                    .identityType(IdentityType.DOMAIN).maxItems(PAGE_SIZE).nextToken(token)));
            page.identities().stream().filter(this::wanted).forEach(names::add);
            next = page.nextToken();
        } while (next != null && !next.isEmpty());
        return names;
    }

    private boolean wanted(String name) {
        return !name.contains("@") && filter.accepts(name);
    }
}
