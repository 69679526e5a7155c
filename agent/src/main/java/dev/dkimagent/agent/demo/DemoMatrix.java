package dev.dkimagent.agent.demo;

import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.report.CheckOutcome;
import dev.dkimagent.agent.report.TextReport;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.pipeline.CheckResult;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.agent.wiring.PipelineWiring;
import dev.dkimagent.agent.wiring.SesSetup;
import dev.dkimagent.rules.Severity;
import java.io.PrintWriter;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What {@code dkim-agent check} prints for the demo world (the matrix of selector x nameserver and
 * the findings, as in the README), computed once with the same parts check uses: one SES scan, one
 * DNS sweep, the rules.
 */
final class DemoMatrix {
    private DemoMatrix() {
    }

    static void print(PrintWriter out, Settings settings, AwsCredentialsProvider sesCredentials)
            throws InterruptedException {
        CombinedInventory inventory = new CombinedInventory(settings.identities());
        try (SesInventory ses = SesSetup.inventory(settings.ses(), sesCredentials, Clock.systemUTC(), event -> { })) {
            inventory.update(ses.scan());
        }
        CheckResult result;
        try (DnsRuntime dns = new DnsRuntime(settings, event -> { })) {
            result = PipelineWiring.checkOnce(settings, dns, inventory, Clock.systemUTC()).result();
        }
        out.println("What `dkim-agent check` shows for this world now (printed once; the alerts follow):");
        new TextReport(out).print(new CheckOutcome(result.snapshot(), result.verdicts(), result.matrices(),
                Severity.WARNING));
        out.flush();
    }
}
