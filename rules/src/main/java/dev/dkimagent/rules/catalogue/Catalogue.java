package dev.dkimagent.rules.catalogue;

import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.catalogue.dkim.Dkim01RecordPresence;
import dev.dkimagent.rules.catalogue.dkim.Dkim02ServersAgree;
import dev.dkimagent.rules.catalogue.dkim.Dkim03RecordTtl;
import dev.dkimagent.rules.catalogue.dkim.Dkim04CnameAlone;
import dev.dkimagent.rules.catalogue.dkim.Dkim05KeyUsable;
import dev.dkimagent.rules.catalogue.dkim.Dkim06CanarySigned;
import dev.dkimagent.rules.catalogue.ns.Ns01ServersReachable;
import dev.dkimagent.rules.catalogue.ns.Ns02ServersAuthoritative;
import dev.dkimagent.rules.catalogue.ns.Ns03DelegationMatches;
import dev.dkimagent.rules.catalogue.ses.Mon01SesReadable;
import dev.dkimagent.rules.catalogue.ses.Mon02CanaryRuns;
import dev.dkimagent.rules.catalogue.ses.Ses01Status;
import dev.dkimagent.rules.catalogue.ses.Ses02Verification;
import dev.dkimagent.rules.catalogue.ses.Ses03DnsAgreement;
import dev.dkimagent.rules.catalogue.ses.Ses04Tokens;
import dev.dkimagent.rules.catalogue.soa.Soa01SerialsInStep;
import dev.dkimagent.rules.catalogue.soa.Soa02NegativeTtl;
import java.util.List;

/** Every rule dkim-agent runs, in catalogue order. */
public final class Catalogue {
    private Catalogue() {
    }

    public static List<Rule> all() {
        return List.of(new Dkim01RecordPresence(), new Dkim02ServersAgree(), new Dkim03RecordTtl(),
                new Dkim04CnameAlone(), new Dkim05KeyUsable(), new Dkim06CanarySigned(), new Ns01ServersReachable(),
                new Ns02ServersAuthoritative(), new Ns03DelegationMatches(), new Soa01SerialsInStep(),
                new Soa02NegativeTtl(), new Ses01Status(), new Ses02Verification(), new Ses03DnsAgreement(),
                new Ses04Tokens(), new Mon01SesReadable(), new Mon02CanaryRuns());
    }
}
