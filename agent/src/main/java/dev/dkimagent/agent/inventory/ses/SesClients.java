package dev.dkimagent.agent.inventory.ses;

import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The clients and the caller (rate limit, events) of one account x region. */
record SesClients(SesAccount account, String region, SesClient v1, SesV2Client v2, SesCaller caller)
        implements AutoCloseable {

    @Override
    public void close() {
        v1.close();
        v2.close();
    }
}
