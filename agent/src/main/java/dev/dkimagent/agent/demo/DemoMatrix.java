package dev.dkimagent.agent.demo;

import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.report.CheckOutcome;
import dev.dkimagent.agent.report.TextReport;
import dev.dkimagent.agent.sweep.DnsRuntime;
import dev.dkimagent.agent.sweep.Inventory;
import dev.dkimagent.agent.sweep.SesSetup;
import dev.dkimagent.agent.sweep.SweepResult;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.Snapshot;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
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
        Inventory inventory = new Inventory(settings.identities());
        try (SesInventory ses = SesSetup.inventory(settings.ses(), sesCredentials, Clock.systemUTC(), event -> { })) {
            inventory.update(ses.scan());
        }
        SweepResult result;
        try (DnsRuntime dns = new DnsRuntime(settings, event -> { }, Clock.systemUTC())) {
            result = dns.sweep().run(inventory.identities()).get();
        } catch (ExecutionException e) {
            out.println("(the check matrix is not available: " + e.getCause() + ")");
            return;
        }
        Snapshot snapshot = result.snapshot().withSes(inventory.sesView());
        RuleEngine engine = new RuleEngine(Catalogue.all(), new Levels(settings.levels()), settings.rules(),
                Messages.load());
        out.println("What `dkim-agent check` shows for this world now (printed once; the alerts follow):");
        new TextReport(out).print(new CheckOutcome(snapshot, engine.evaluate(snapshot), Severity.WARNING));
        out.flush();
    }
}
