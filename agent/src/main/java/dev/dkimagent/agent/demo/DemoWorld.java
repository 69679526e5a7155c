package dev.dkimagent.agent.demo;

import dev.dkimagent.agent.demo.dns.DnsServer;
import dev.dkimagent.agent.demo.dns.Responder;
import dev.dkimagent.agent.demo.dns.Zone;
import dev.dkimagent.agent.demo.s3.S3Stub;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything the demo talks to, in-process on 127.0.0.1 and free ports: three authoritative
 * servers (ns1, ns2, ns3) for the identities' zones, a resolver for the key records under
 * dkim.amazonses.com, and an SES endpoint with three identities: healthy.test (verified, served
 * right), mycompany.test (verified, but ns3 drifted: at risk) and shop.test (verification lost:
 * TEMPORARY_FAILURE after a success, and SES no longer signs its mail). After {@link #HEAL_AFTER}
 * ns3 catches up on mycompany.test, so the demo shows an alert resolving too. An S3 endpoint holds
 * the canary's mailbox ({@link DemoCanary}).
 */
public final class DemoWorld implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final String HEALTHY = "healthy.test";
    /** Long enough for the drift to fire (2 sweeps 10 s apart after the first SES scan), short enough to wait for. */
    public static final Duration HEAL_AFTER = Duration.ofSeconds(35);

    private final AwsSesStub ses;
    private final S3Stub s3;
    private final KeyPair key = DemoKey.generate();
    private final KeyPair amazonKey = DemoKey.generate();
    private final List<DemoIdentity> identities;
    private final Map<String, DnsServer> nameservers = new LinkedHashMap<>();
    private DnsServer resolver;
    private DnsServer amazon;
    private final ScheduledExecutorService healer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dkim-agent-demo-heal");
        thread.setDaemon(true);
        return thread;
    });

    private DemoWorld(AwsSesStub ses, S3Stub s3, List<DemoIdentity> identities) {
        this.ses = ses;
        this.s3 = s3;
        this.identities = identities;
    }

    /** Starts the SES endpoint, the nameservers and the resolver; on failure nothing stays running. */
    public static DemoWorld start(Clock clock) throws IOException {
        AwsSesStub ses = AwsSesStub.start();
        DemoWorld world = new DemoWorld(ses, S3Stub.start(), identities(ses, clock.instant()));
        try {
            DemoCanary.wire(ses, world.s3, world.identities, world.key, world.amazonKey);
            world.startDns();
            world.healer.schedule(world::heal, HEAL_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            world.close();
            throw e;
        }
        return world;
    }

    private static List<DemoIdentity> identities(AwsSesStub ses, Instant now) {
        Instant checked = now.minus(Duration.ofMinutes(10));
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, HEALTHY).lastChecked(checked).lastSuccess(checked);
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, DemoZones.DRIFTED).lastChecked(checked).lastSuccess(checked);
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, DemoZones.CLEANED_UP).status("TEMPORARY_FAILURE")
                .errorType("INVALID_VALUE").lastChecked(checked).lastSuccess(now.minus(Duration.ofHours(20)));
        return List.of(HEALTHY, DemoZones.DRIFTED, DemoZones.CLEANED_UP).stream()
                .map(domain -> new DemoIdentity(domain, ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, domain).tokens()))
                .toList();
    }

    private void startDns() throws IOException {
        for (String server : DemoZones.servers()) {
            nameservers.put(server, DnsServer.start(server, DemoZones.servedBy(server, identities),
                    Responder.Role.AUTHORITATIVE));
        }
        Zone amazonZone = DemoZones.amazonZone(DemoKey.txtStrings(amazonKey));
        resolver = DnsServer.start("resolver", List.of(DemoZones.keyZone(identities, DemoKey.txtStrings(key)),
                amazonZone), Responder.Role.RESOLVER);
        amazon = DnsServer.start("amazonses", List.of(amazonZone), Responder.Role.AUTHORITATIVE);
    }

    /** ns3 catches up on its zone transfer: the missing record is back, serial and TTLs agree. */
    public void heal() {
        nameservers.get(DemoZones.DRIFTED_SERVER).serve(
                DemoZones.servedBy(DemoZones.DRIFTED_SERVER, identities, true));
    }

    public List<String> domains() {
        return identities.stream().map(DemoIdentity::domain).toList();
    }

    /** ns1, ns2, ns3 -> "127.0.0.1:port". */
    public Map<String, String> nameservers() {
        Map<String, String> out = new LinkedHashMap<>();
        nameservers.forEach((name, server) -> out.put(name, server.address()));
        return out;
    }

    public String resolver() {
        return resolver.address();
    }

    /** The authoritative server of amazonses.com (the key of SES's own signature on canary mail). */
    public String amazonNameserver() {
        return amazon.address();
    }

    public String sesEndpoint() {
        return ses.endpoint().toString();
    }

    /** The S3 endpoint the canary's receipt rule stores into. */
    public String s3Endpoint() {
        return s3.endpoint().toString();
    }

    /** The stub's static credentials: the demo needs no AWS environment. */
    public AwsCredentialsProvider sesCredentials() {
        return ses.baseCredentials();
    }

    @Override
    public void close() {
        healer.shutdownNow();
        nameservers.values().forEach(DnsServer::close);
        if (resolver != null) {
            resolver.close();
        }
        if (amazon != null) {
            amazon.close();
        }
        ses.close();
        s3.close();
    }
}
