package dev.dkimagent.rules.catalogue;

import static dev.dkimagent.rules.catalogue.TestWorld.NS1;
import static dev.dkimagent.rules.catalogue.TestWorld.NS2;
import static dev.dkimagent.rules.catalogue.TestWorld.NS3;
import static dev.dkimagent.rules.catalogue.TestWorld.NS_SET;
import static dev.dkimagent.rules.catalogue.TestWorld.SERVERS;
import static dev.dkimagent.rules.catalogue.TestWorld.a;
import static dev.dkimagent.rules.catalogue.TestWorld.authority;
import static dev.dkimagent.rules.catalogue.TestWorld.cname;
import static dev.dkimagent.rules.catalogue.TestWorld.name;
import static dev.dkimagent.rules.catalogue.TestWorld.nodata;
import static dev.dkimagent.rules.catalogue.TestWorld.nxdomain;
import static dev.dkimagent.rules.catalogue.TestWorld.rcode;
import static dev.dkimagent.rules.catalogue.TestWorld.reply;
import static dev.dkimagent.rules.catalogue.TestWorld.soaRr;
import static dev.dkimagent.rules.catalogue.TestWorld.target;
import static dev.dkimagent.rules.catalogue.TestWorld.timeout;
import static dev.dkimagent.rules.catalogue.TestWorld.txt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.Rule;
import dev.dkimagent.rules.Tag;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.matrix.Provider;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesApiError;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesMemory;
import dev.dkimagent.rules.model.ZoneView;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fails when code, docs/rules/*.md, messages.properties and the default levels drift apart. */
class CatalogueConsistencyTest {
    private static final Path DOCS = Paths.get(System.getProperty("user.dir")).resolve("../docs/rules").normalize();
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([A-Z0-9_]+)\\s*\\|\\s*([a-z]+)\\s*\\|\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z0-9_]+}");
    private static final List<String> SECTIONS = List.of("## Objective", "## Inputs", "## Steps", "## Outcomes", "## Remediation");

    private final List<Rule> rules = Catalogue.all();

    @Test
    void catalogue_listsTheRulesInTableOrderWithUniqueIds() {
        assertThat(rules.stream().map(Rule::id)).containsExactly(
                "DKIM01", "DKIM02", "DKIM03", "DKIM04", "DKIM05", "DKIM06", "NS01", "NS02", "NS03", "SOA01", "SOA02",
                "SES01", "SES02", "SES03", "SES04", "MON01", "MON02");
    }

    @Test
    void everyRule_hasADocWhoseTitleAndOutcomesMatchTheCode() throws IOException {
        for (Rule rule : rules) {
            Path doc = DOCS.resolve(rule.id() + ".md");
            assertThat(doc).as("doc of " + rule.id()).exists();
            List<String> lines = Files.readAllLines(doc);
            assertThat(lines.get(0)).isEqualTo("# " + rule.id() + ": " + rule.summary());
            assertThat(lines.stream().filter(l -> l.startsWith("## "))).as(rule.id() + " sections").containsExactlyElementsOf(SECTIONS);
            assertThat(outcomes(lines)).as(rule.id() + " outcomes table").isEqualTo(declared(rule));
        }
    }

    @Test
    void everyDoc_belongsToARule() throws IOException {
        Set<String> ids = rules.stream().map(r -> r.id() + ".md").collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(DOCS)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(ids::contains);
        }
    }

    @Test
    void messages_haveExactlyAMessageAndRemediationPerTag_plusProviderRemediations() throws IOException {
        Set<String> expected = new TreeSet<>();
        Set<String> providers = java.util.Arrays.stream(Provider.values()).map(Provider::slug).collect(Collectors.toSet());
        for (Rule rule : rules) {
            for (Tag tag : rule.tags()) {
                expected.add(tag.code() + ".message");
                expected.add(tag.code() + ".remediation");
            }
        }
        Set<String> keys = new TreeSet<>(rawMessages().stringPropertyNames());
        Set<String> variants = keys.stream().filter(k -> !k.endsWith(".message") && !k.endsWith(".remediation"))
                .collect(Collectors.toCollection(TreeSet::new));
        keys.removeAll(variants);
        assertThat(keys).isEqualTo(expected);
        for (String variant : variants) {
            String base = variant.substring(0, variant.lastIndexOf('.'));
            assertThat(expected).as(variant + " refines a declared remediation").contains(base);
            assertThat(base).as(variant).endsWith(".remediation");
            assertThat(providers).as(variant + " names a provider").contains(variant.substring(variant.lastIndexOf('.') + 1));
        }
    }

    @Test
    void everyTag_namesItsRule_andIsAPublicConstantOfItsRuleClass() throws IllegalAccessException {
        for (Rule rule : rules) {
            Set<Tag> constants = new java.util.HashSet<>();
            for (java.lang.reflect.Field f : rule.getClass().getFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == Tag.class) {
                    constants.add((Tag) f.get(null));
                }
            }
            for (Tag tag : rule.tags()) {
                assertThat(tag.rule()).as(tag.code()).isEqualTo(rule.id());
                assertThat(constants).as(rule.id() + " declares " + tag.name() + " as a constant").contains(tag);
            }
        }
    }

    @Test
    void defaultLevels_resolveEveryTagToItsDeclaredSeverity() {
        for (Rule rule : rules) {
            for (Tag tag : rule.tags()) {
                assertThat(Levels.defaults().of(rule, tag.name())).isEqualTo(tag.defaultSeverity());
            }
        }
    }

    @Test
    void sampleFindings_coverEveryTagAndProviderRemediation_andRenderWithoutUnreplacedPlaceholders() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> remediationsSeen = new TreeSet<>();
        for (TestWorld world : samples()) {
            for (Verdict v : world.evaluate()) {
                seen.add(v.finding().code());
                String provider = v.finding().args().get(Messages.PROVIDER_ARG);
                remediationsSeen.add(v.finding().code() + ".remediation" + (provider == null ? "" : "." + provider));
                assertThat(v.message()).as(v.finding().code() + " message: " + v.message()).doesNotContainPattern(PLACEHOLDER);
                assertThat(v.remediation()).as(v.finding().code() + " remediation").doesNotContainPattern(PLACEHOLDER);
                assertCommandShownOnce(v);
            }
        }
        Set<String> all = rules.stream().flatMap(r -> r.tags().stream().map(Tag::code))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(seen).isEqualTo(all);
        assertThat(Messages.load().codes()).isEqualTo(all);
        Set<String> variants = rawMessages().stringPropertyNames().stream().filter(k -> k.contains(".remediation."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(remediationsSeen).as("every provider remediation rendered by a sample").containsAll(variants);
    }

    /** The dig line is shown beside the fix, never inside it; MON01 has no dig, so its fix names its check. */
    private static void assertCommandShownOnce(Verdict v) {
        String dig = v.finding().args().get("dig");
        if (dig != null) {
            assertThat(v.remediation()).as(v.finding().code() + " remediation repeats the dig").doesNotContain(dig);
        } else {
            assertThat(v.remediation()).as(v.finding().code() + " remediation shows its check")
                    .contains(v.finding().args().get("check"));
        }
    }

    /** Worlds that, between them, produce every tag at least once (several in more than one shape). */
    private static List<TestWorld> samples() {
        List<TestWorld> w = new ArrayList<>();
        w.add(TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(300, 3600))));
        w.add(TestWorld.healthy().noSoa(NS3).answer("t2", "CNAME", NS3, nodata(null)).answer("t2", "TXT", NS3, nodata(null)));
        w.add(TestWorld.healthy().answer("t1", "CNAME", NS2, reply(cname(name("t1"), "t1.dkim.amazonses.com.a.test", 60))));
        w.add(TestWorld.healthy().answer("t1", "CNAME", NS3, nodata(null)).answer("t1", "A", NS3, reply(a(name("t1"), "192.0.2.1"))));
        w.add(TestWorld.healthy().answer("t3", "CNAME", NS1, reply(cname(name("t3"), "t3.dkim.amazonses.com", 999999))));
        w.add(TestWorld.healthy().answer("t1", "TXT", NS1, reply(cname(name("t1"), target("t1"), 3600), txt(name("t1"), "x", 3600))));
        w.add(TestWorld.healthy().key(target("t1"), nxdomain(null)).key(target("t2"), reply(txt(target("t2"), "p=", 300)))
                .key(target("t3"), reply(txt(target("t3"), TestKeys.record(TestKeys.RSA_1024), 300))));
        w.add(TestWorld.healthy().key(target("t1"), TestWorld.timeout()));
        w.add(TestWorld.healthyTxt("v=DKIM1; p=abc", "v=DKIM1; p=").answer("s1", "TXT", NS2, reply(cname(name("s1"), "x.test", 60))));
        w.add(TestWorld.healthy().soa(NS3, timeout()).soa(NS2, rcode(Answer.REFUSED))
                .answer("t1", "CNAME", NS1, timeout()).answer("t2", "CNAME", NS1, rcode(Answer.SERVFAIL)));
        w.add(TestWorld.healthy().zone(ZoneView.failed("a.test", "no SOA")));
        w.add(TestWorld.healthy().forgetZoneOf("t1"));
        w.add(TestWorld.healthy().zone(new ZoneView("a.test", SERVERS, NS_SET, NS_SET, false, null,
                Map.of("ns3.a.test", "no A record; AAAA not checked (dns.ipv6 = false)"))));
        w.add(TestWorld.healthy().zone(new ZoneView("a.test", SERVERS, NS_SET, Set.of("ns9.b.test"), false, null))
                .soa(NS1, reply(soaRr(1, 86400, 3600))));
        SesIdentityState tempFailure = SesStates.status(DkimStatus.TEMPORARY_FAILURE).lastSuccess(Instant.EPOCH).build();
        SesIdentityState success = SesStates.status(DkimStatus.SUCCESS).where("prod", "us-east-1").build();
        w.add(TestWorld.healthy().answer("t2", "CNAME", NS3, nxdomain(authority(300, 3600)))
                .ses(SesStates.status(DkimStatus.PENDING).where("dev", "us-west-2").build())
                .ses(tempFailure).ses(success)
                .sesMemory(success, new SesMemory(DkimStatus.SUCCESS, Instant.EPOCH, List.of("t0"))));
        w.add(TestWorld.healthy().ses(SesStates.status(DkimStatus.FAILED).soaSerial(1).build())
                .ses(SesStates.status(DkimStatus.NOT_STARTED).where("dev", "us-west-2").tokens().build())
                .ses(SesStates.status(DkimStatus.SUCCESS).signingDisabled().where("prod", "us-east-1").build())
                .sesError(new SesApiError("audit", "ap-south-1", "ListIdentities", "AccessDenied")));
        w.add(TestWorld.healthyTxt("", TestKeys.record(TestKeys.RSA_2048))
                .answer("s1", "TXT", NS3, reply(txt(name("s1"), TestKeys.record(TestKeys.RSA_2048_NEXT), 3600))));
        w.addAll(providerSamples());
        w.addAll(CanaryRounds.samples().stream().map(round -> TestWorld.healthy().canary(round)).toList());
        return w;
    }

    /** DKIM01 and DKIM05 findings of records of every provider, so each provider's remediation renders. */
    private static List<TestWorld> providerSamples() {
        List<TestWorld> w = new ArrayList<>();
        for (String target : List.of("t1.dkim.amazonses.com", "s1.domainkey.u1.wl.sendgrid.net")) {
            w.add(oneCname(target).answer("t1", "CNAME", NS3, nxdomain(authority(300, 3600)))
                    .answer("t1", "CNAME", NS2, reply(cname(name("t1"), "other.example", 3600)))
                    .key(target, nxdomain(null)));
            w.add(oneCname(target).answer("t1", "CNAME", NS3, nodata(null)).answer("t1", "TXT", NS3, nodata(null))
                    .answer("t1", "A", NS3, reply(a(name("t1"), "192.0.2.1")))
                    .key(target, reply(txt(target, "v=DKIM1; p=", 300))));
            w.add(oneCname(target).key(target, reply(txt(target, TestKeys.record(TestKeys.RSA_1024), 300))));
        }
        for (String source : List.of("ses:default/us-east-1", "config")) {
            w.add(oneTxt(source, "").answer("s1", "TXT", NS3, nxdomain(authority(300, 3600)))
                    .answer("s1", "TXT", NS2, reply(cname(name("s1"), "x.test", 60))));
            w.add(oneTxt(source, "v=DKIM1; p=abc").answer("s1", "TXT", NS3, reply(txt(name("s1"), "v=DKIM1; p=", 60))));
            w.add(oneTxt(source, "").answerEverywhere("s1", "TXT", reply(txt(name("s1"), "v=DKIM1; p=", 60))));
            w.add(oneTxt(source, "").answerEverywhere("s1", "TXT",
                    reply(txt(name("s1"), TestKeys.record(TestKeys.RSA_1024), 3600))));
            w.add(oneTxt(source, "").answerEverywhere("s1", "TXT", reply(txt(name("s1"), "v=spf1 -all", 3600))));
        }
        return w;
    }

    private static TestWorld oneCname(String target) {
        TestWorld w = TestWorld.healthy();
        w.identity(new dev.dkimagent.rules.model.Identity("b.a.test", "config", List.of(new dev.dkimagent.rules.model.ExpectedRecord(
                "t1", name("t1"), dev.dkimagent.rules.model.RecordType.CNAME, target))));
        SERVERS.forEach(ns -> w.answer("t1", "CNAME", ns, reply(cname(name("t1"), target, 3600)))
                .answer("t1", "TXT", ns, reply(cname(name("t1"), target, 3600))));
        return w.key(target, reply(txt(target, TestKeys.record(TestKeys.RSA_2048), 300)));
    }

    private static TestWorld oneTxt(String source, String configured) {
        TestWorld w = TestWorld.healthyTxt(configured, TestKeys.record(TestKeys.RSA_2048));
        return w.identity(new dev.dkimagent.rules.model.Identity("b.a.test", source, List.of(new dev.dkimagent.rules.model.ExpectedRecord(
                "s1", name("s1"), dev.dkimagent.rules.model.RecordType.TXT, configured))));
    }

    private static Map<String, String> declared(Rule rule) {
        Map<String, String> out = new LinkedHashMap<>();
        rule.tags().forEach(t -> out.put(t.name(), t.defaultSeverity().label()));
        return out;
    }

    /** The rows of the "| tag | default severity |" table under "## Outcomes". */
    private static Map<String, String> outcomes(List<String> lines) {
        int at = lines.indexOf("## Outcomes");
        assertThat(at).as("## Outcomes section").isNotNegative();
        List<String> section = lines.subList(at + 1, lines.size()).stream().takeWhile(l -> !l.startsWith("## ")).toList();
        assertThat(section).contains("| tag | default severity |");
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : section) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertThat(out.put(m.group(1), m.group(2))).as("duplicate row " + m.group(1)).isNull();
            }
        }
        return out;
    }

    private static Properties rawMessages() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
            assertThat(in).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
