package dev.dkimagent.rules.catalogue.ses;

import dev.dkimagent.rules.Evaluation;
import dev.dkimagent.rules.Finding;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.catalogue.DigCommand;
import dev.dkimagent.rules.catalogue.SoaServers;
import dev.dkimagent.rules.model.DkimStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SES03: SES's status agrees with what the nameservers serve. SES SUCCESS with a wrong server means
 * SES will fail the identity at its next check; SES failing while every server is right means SES
 * looks at other servers (registrar NS set, delegation).
 */
public final class Ses03DnsAgreement implements Rule {
    public static final String ID = "SES03";
    public static final Tag SES_AT_RISK = new Tag(ID, "SES_AT_RISK", Severity.CRITICAL);
    public static final Tag SES_FAILING_DNS_OK = new Tag(ID, "SES_FAILING_DNS_OK", Severity.WARNING);
    static final String NEXT_CHECK_DEADLINE = "about 72 hours after SES next checks";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "SES's DKIM status agrees with what every authoritative nameserver serves";
    }

    @Override
    public List<Tag> tags() {
        return List.of(SES_AT_RISK, SES_FAILING_DNS_OK);
    }

    @Override
    public List<Finding> evaluate(Evaluation evaluation, RuleSettings settings) {
        List<Finding> out = new ArrayList<>();
        for (SesContext c : SesContext.all(evaluation)) {
            DkimStatus status = c.state().status();
            // a replica's records are its parent's: judging them again would only double the finding
            if (c.state().replica() || status == null || !(status == DkimStatus.SUCCESS || status.failing())) {
                continue;
            }
            SesDnsJudgement dns = SesDnsJudgement.of(evaluation, c);
            if (status == DkimStatus.SUCCESS && !dns.faults().isEmpty()) {
                out.add(atRisk(c, dns));
            } else if (status.failing() && dns.allRight()) {
                out.add(failingDnsOk(evaluation, c));
            }
        }
        return out;
    }

    private static Finding atRisk(SesContext c, SesDnsJudgement dns) {
        return c.finding(SES_AT_RISK)
                .arg("problems", dns.problems())
                .arg("deadline", NEXT_CHECK_DEADLINE)
                .dig(dns.digs())
                .build();
    }

    private static Finding failingDnsOk(Evaluation e, SesContext c) {
        Long sesSerial = c.state().soaSerial();
        return c.finding(SES_FAILING_DNS_OK)
                .arg("status", c.state().status().name())
                .arg("sesSerial", sesSerial == null ? SesDeadline.UNKNOWN : String.valueOf(sesSerial))
                .arg("serials", serials(e, c.zone()))
                .dig(DigCommand.trace("NS", c.zone()))
                .build();
    }

    /** "ns1.a.test (127.0.0.11)=2024010101, ..." for every server that answered the SOA healthily. */
    private static String serials(Evaluation e, String apex) {
        List<SoaServers> soas = e.matrix(apex).map(SoaServers::of).orElse(List.of());
        if (soas.isEmpty()) {
            return SesDeadline.UNKNOWN;
        }
        return soas.stream().map(x -> x.server().display() + "=" + x.soa().serial()).collect(Collectors.joining(", "));
    }
}
