package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesApiError;
import software.amazon.awssdk.services.ses.model.GetIdentityDkimAttributesResponse;
import software.amazon.awssdk.services.ses.model.IdentityDkimAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** v1 DKIM attributes in batches of {@value #BATCH} (the documented maximum); a failed batch is skipped. */
final class DkimAttributesReader {
    static final String OPERATION = "GetIdentityDkimAttributes";
    static final int BATCH = 100;

    /** The attributes of the identities read; errors of failed batches go to {@code errors}. */
    List<V1Dkim> read(SesClients clients, List<String> identities, List<SesApiError> errors) {
        List<V1Dkim> result = new ArrayList<>();
        for (int from = 0; from < identities.size(); from += BATCH) {
            List<String> batch = identities.subList(from, Math.min(identities.size(), from + BATCH));
            try {
                GetIdentityDkimAttributesResponse response = clients.caller().call(OPERATION,
                        () -> clients.v1().getIdentityDkimAttributes(r -> r.identities(batch)));
                collect(batch, response.dkimAttributes(), result);
            } catch (SesCallFailed e) {
                errors.add(clients.caller().error(e.failure()));
            }
        }
        return result;
    }

    /** In batch order; an identity missing from the answer (deleted meanwhile) is left out. */
    private static void collect(List<String> batch, Map<String, IdentityDkimAttributes> answer, List<V1Dkim> out) {
        for (String name : batch) {
            IdentityDkimAttributes a = answer.get(name);
            if (a != null) {
                out.add(new V1Dkim(name, Boolean.TRUE.equals(a.dkimEnabled()),
                        DkimStatus.parse(a.dkimVerificationStatusAsString()), a.dkimTokens()));
            }
        }
    }
}
