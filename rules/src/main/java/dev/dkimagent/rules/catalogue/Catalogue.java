package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Rule;
import java.util.List;

/** Every rule dkim-agent runs, in catalogue order. */
public final class Catalogue {
    private Catalogue() {
    }

    public static List<Rule> all() {
        return List.of(new Dkim01RecordPresence(), new Dkim02ServersAgree(), new Dkim03RecordTtl(),
                new Dkim04CnameAlone(), new Dkim05KeyUsable(), new Ns01ServersReachable(),
                new Ns02ServersAuthoritative(), new Ns03DelegationMatches(), new Soa01SerialsInStep(),
                new Soa02NegativeTtl(), new Ses01Status(), new Ses02Verification(), new Ses03DnsAgreement(),
                new Ses04Tokens(), new Mon01SesReadable());
    }
}
