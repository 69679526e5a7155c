package dev.dkimagent.agent.mail;

import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.agent.dns.DnsClient;
import dev.dkimagent.agent.probe.ZoneIndex;
import dev.dkimagent.agent.probe.ZoneLocator;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Names;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.ZoneView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code <s>._domainkey.<d>} from every authoritative nameserver of its zone, directly and
 * with RD=0, the way {@code check} reads the CNAMEs: the zone is located with the {@link ZoneLocator}
 * (configured zone overrides win), its servers found by {@link Discovery}, each asked through the
 * {@link DnsClient}. A CNAME's target is read once through the resolvers. Never blocks a thread.
 */
public final class KeyFetcher {
    private static final String SOURCE = "verify-message";

    private final ZoneLocator locator;
    private final Discovery discovery;
    private final DnsClient client;
    private final Map<String, List<String>> zoneOverrides;
    private final Map<String, CompletableFuture<Answer>> targets = new ConcurrentHashMap<>();

    public KeyFetcher(ZoneLocator locator, Discovery discovery, DnsClient client,
                      Map<String, List<String>> zoneOverrides) {
        this.locator = locator;
        this.discovery = discovery;
        this.client = client;
        this.zoneOverrides = Map.copyOf(zoneOverrides);
    }

    /** The key of selector/domain on every nameserver; completes normally, failures are in the value. */
    public CompletableFuture<KeyLookup> fetch(String selector, String domain) {
        String name = Names.normal(selector + "._domainkey." + domain);
        return locator.locate(List.of(new Identity(name, SOURCE, List.of())))
                .thenCompose(index -> inZone(name, index))
                .exceptionally(t -> KeyLookup.failed(name, null, "key look-up failed unexpectedly: " + t, false));
    }

    private CompletableFuture<KeyLookup> inZone(String name, ZoneIndex index) {
        ZoneWork work = index.zones().values().iterator().next();
        if (!work.located()) {
            return CompletableFuture.completedFuture(
                    KeyLookup.failed(name, null, work.lookupError(), index.resolversUnreachable()));
        }
        return discovery.discover(work.apex(), zoneOverrides.getOrDefault(work.apex(), List.of()))
                .thenCompose(zone -> askEach(name, zone));
    }

    private CompletableFuture<KeyLookup> askEach(String name, ZoneView zone) {
        if (!zone.discovered()) {
            return CompletableFuture.completedFuture(KeyLookup.failed(name, zone.apex(), zone.discoveryError(), false));
        }
        List<CompletableFuture<ServedKey>> asked = zone.servers().stream().map(ns -> ask(ns, name)).toList();
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> new KeyLookup(name, zone.apex(),
                        asked.stream().map(CompletableFuture::join).toList(), null, false));
    }

    private CompletableFuture<ServedKey> ask(Nameserver ns, String name) {
        return client.query(ns.address(), name, "TXT", false).thenCompose(answer -> read(ns, name, answer));
    }

    private CompletableFuture<ServedKey> read(Nameserver ns, String name, Answer answer) {
        if (!answer.isReply()) {
            return done(ServedKey.noAnswer(ns, answer.detail()));
        }
        if (!answer.isAuthoritativeReply()) {
            return done(ServedKey.noAnswer(ns, answer.authoritative()
                    ? "answered rcode " + answer.rcode() : "not authoritative for the zone (AA=0)"));
        }
        if (answer.isNxdomain()) {
            return done(ServedKey.notServed(ns, null, "NXDOMAIN: no record at " + name));
        }
        List<String> direct = txtAt(answer, name);
        if (!direct.isEmpty()) {
            return done(ServedKey.served(ns, null, direct));
        }
        List<Rr> cnames = answer.records().stream()
                .filter(r -> r.type().equals("CNAME") && r.name().equals(name)).toList();
        if (cnames.isEmpty()) {
            return done(ServedKey.notServed(ns, null, "NODATA: no TXT or CNAME at " + name));
        }
        String target = cnames.get(0).data();
        List<String> inAnswer = txtAt(answer, target);
        if (!inAnswer.isEmpty()) {
            return done(ServedKey.served(ns, target, inAnswer));
        }
        return target(target).thenApply(resolved -> fromTarget(ns, target, resolved));
    }

    private static ServedKey fromTarget(Nameserver ns, String target, Answer resolved) {
        if (!resolved.isReply()) {
            return ServedKey.noAnswer(ns, "CNAME to " + target + ", whose TXT the resolvers did not answer: "
                    + resolved.detail());
        }
        List<String> txt = resolved.recordsOfType("TXT").stream().map(Rr::data).toList();
        return txt.isEmpty()
                ? ServedKey.notServed(ns, target, "CNAME to " + target + ", which has no TXT key"
                        + (resolved.isNxdomain() ? " (NXDOMAIN)" : ""))
                : ServedKey.served(ns, target, txt);
    }

    private CompletableFuture<Answer> target(String target) {
        return targets.computeIfAbsent(target, t -> discovery.resolve(t, "TXT"));
    }

    private static List<String> txtAt(Answer answer, String owner) {
        return answer.records().stream()
                .filter(r -> r.type().equals("TXT") && r.name().equals(owner)).map(Rr::data).toList();
    }

    private static CompletableFuture<ServedKey> done(ServedKey key) {
        return CompletableFuture.completedFuture(key);
    }
}
