package dev.dkimagent.agent.demo;

import java.nio.file.Path;
import java.util.Map;

/** The few lines the demo prints first: what runs, where, and what to look at. */
final class DemoBanner {
    private DemoBanner() {
    }

    static String text(DemoWorld world, Path stateDir, int metricsPort, String stopHint) {
        Map<String, String> ns = world.nameservers();
        StringBuilder b = new StringBuilder();
        b.append("dkim-agent demo: the real `run` pipeline against an embedded world on 127.0.0.1\n");
        b.append("  nameservers  ");
        ns.forEach((name, address) -> b.append(name).append(" = ").append(address).append("   "));
        b.append("\n               each serves ").append(String.join(", ", world.domains())).append('\n');
        b.append("               ").append(DemoZones.DRIFTED_SERVER).append(" (").append(ns.get(DemoZones.DRIFTED_SERVER))
                .append(") is a drifted secondary of ").append(DemoZones.DRIFTED)
                .append(": older serial, one record missing, one TTL different; it catches up after ")
                .append(DemoWorld.HEAL_AFTER.toSeconds()).append(" s, and those alerts resolve\n");
        b.append("               ").append(DemoZones.CLEANED_UP)
                .append(": one CNAME points at a doubled name on every server\n");
        b.append("  resolver     ").append(world.resolver()).append(" (the DKIM keys under ")
                .append(DemoZones.KEY_ZONE).append(")\n");
        b.append("  SES stub     ").append(world.sesEndpoint()).append(" (").append(DemoWorld.REGION).append("): ")
                .append(DemoWorld.HEALTHY).append(" SUCCESS, ").append(DemoZones.DRIFTED).append(" SUCCESS (at risk), ")
                .append(DemoZones.CLEANED_UP).append(" TEMPORARY_FAILURE after a success\n");
        b.append("  canary       SendEmail every ").append(DemoCanary.INTERVAL).append(" from ")
                .append(String.join(" and ", DemoCanary.IDENTITIES)).append("; an SES receipt rule stores each message in")
                .append(" the S3 stub ").append(world.s3Endpoint()).append(" (s3://").append(DemoCanary.BUCKET).append('/')
                .append(DemoCanary.PREFIX).append("), the canary finds its own, verifies and deletes it\n")
                .append("               ").append(DemoWorld.HEALTHY).append(" is signed: a good round trip, no alert (curl -s")
                .append(" http://127.0.0.1:").append(metricsPort).append("/metrics | grep dkim_canary)\n")
                .append("               ").append(DemoZones.CLEANED_UP)
                .append(": SES no longer signs its mail with its key, only amazonses.com does, so its canary alerts (DKIM06 CANARY_NOT_SIGNED)\n");
        b.append("  schedule     DNS sweep every ").append(DemoConfig.DNS_INTERVAL).append(", SES scan every ")
                .append(DemoConfig.SES_INTERVAL).append("; a finding fires after ").append(DemoConfig.FIRING_AFTER)
                .append(" sweeps, so alerts show within about 30 s\n");
        b.append("  metrics      http://127.0.0.1:").append(metricsPort).append("/metrics")
                .append("  (try: curl -s http://127.0.0.1:").append(metricsPort).append("/metrics | grep dkim_record_ok)\n");
        b.append("  state        ").append(stateDir).append(" (deleted on stop)\n");
        b.append("Alerts print below as they would reach Slack. ").append(stopHint);
        return b.toString();
    }
}
