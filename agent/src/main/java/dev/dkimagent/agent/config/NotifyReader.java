package dev.dkimagent.agent.config;

import com.typesafe.config.Config;
import dev.dkimagent.agent.notify.Cidr;
import dev.dkimagent.agent.notify.NotifyKey;
import dev.dkimagent.agent.notify.NotifyKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code dkim-agent.notify}, {@code dkim-agent.schedule.soa-interval} and
 * {@code dkim-agent.alerting.propagation-grace}. TSIG secrets come from the file's value (set it
 * from the environment with {@code ${?VAR}}) or from {@code secret-file}; neither reaches a message.
 */
final class NotifyReader {
    static final String PATH = "dkim-agent.notify";
    private static final Set<String> TSIG_KEYS = Set.of("name", "algorithm", "secret", "secret-file");
    private static final Duration MIN_SOA_INTERVAL = Duration.ofSeconds(5);

    private NotifyReader() {
    }

    /** null when a section is not an object (a problem is then reported). */
    static NotifySettings read(Node root, Config reference) {
        Node notify = root.child("notify");
        if (!notify.requireObject("an object with the NOTIFY settings")) {
            return null;
        }
        KnownKeys.check(notify, reference.getObject(PATH).keySet());
        boolean enabled = notify.child("enabled").bool().orElse(false);
        List<InetSocketAddress> listen = listen(notify.child("listen"));
        List<Cidr> allow = allow(notify.child("allow"));
        if (enabled && allow.isEmpty() && notify.child("allow").isSet()) {
            notify.child("allow").problem("expected at least one address block when enabled = true: with none,"
                    + " every NOTIFY is refused");
        }
        List<NotifyKey> tsig = tsig(notify.child("tsig"));
        Duration minGap = notify.child("min-gap").nonNegativeDuration().orElse(null);
        Duration confirmAfter = notify.child("confirm-after").nonNegativeDuration().orElse(null);
        int queue = notify.child("queue-size").intAtLeast(1).orElse(1);
        Duration soa = soaInterval(root.child("schedule").child("soa-interval"));
        Duration grace = root.child("alerting").child("propagation-grace").nonNegativeDuration().orElse(null);
        return new NotifySettings(enabled, listen, allow, tsig, minGap, confirmAfter, queue, soa, grace);
    }

    private static Duration soaInterval(Node node) {
        Optional<Duration> d = node.nonNegativeDuration();
        if (d.isPresent() && !d.get().isZero() && d.get().compareTo(MIN_SOA_INTERVAL) < 0) {
            node.problem("expected 0s (off) or a duration >= 5s, got " + node.describe());
            return null;
        }
        return d.orElse(null);
    }

    private static List<InetSocketAddress> listen(Node node) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Node element : node.list("a list of \"address:port\" strings")) {
            element.string("\"address:port\", such as \"0.0.0.0:5300\" or \"[::]:5300\"")
                    .flatMap(text -> hostPort(element, text)).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<InetSocketAddress> hostPort(Node node, String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port >= 0 && port <= 65535 && (Endpoints.isIpv4(bare) || Endpoints.isIpv6(bare))) {
                return Optional.of(new InetSocketAddress(bare, port));
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // reported below
        }
        node.problem("expected \"address:port\" with an IP address and a port 0 to 65535, such as \"0.0.0.0:5300\""
                + " or \"[::]:5300\", got " + node.describe());
        return Optional.empty();
    }

    private static List<Cidr> allow(Node node) {
        List<Cidr> out = new ArrayList<>();
        for (Node element : node.list("a list of address blocks such as \"192.0.2.0/24\"")) {
            element.string("an address block such as \"192.0.2.0/24\"").ifPresent(text -> {
                try {
                    out.add(Cidr.parse(text));
                } catch (IllegalArgumentException e) {
                    element.problem("expected an address block such as \"192.0.2.0/24\" (" + e.getMessage() + "), got "
                            + element.describe());
                }
            });
        }
        return out;
    }

    private static List<NotifyKey> tsig(Node node) {
        List<NotifyKey> out = new ArrayList<>();
        for (Node element : node.list("a list of { name, algorithm, secret or secret-file }")) {
            if (!element.requireObject("an object { name, algorithm, secret or secret-file }")) {
                continue;
            }
            KnownKeys.check(element, TSIG_KEYS);
            key(element).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<NotifyKey> key(Node element) {
        Optional<String> name = element.child("name").string("a key name such as \"agent-notify\"");
        String algorithm = element.child("algorithm").isSet()
                ? element.child("algorithm").string("an algorithm such as \"hmac-sha256\"").orElse("")
                : "hmac-sha256";
        Optional<String> secret = secret(element);
        if (name.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        NotifyKey key = new NotifyKey(name.get(), algorithm, secret.get());
        try {
            new NotifyKeys(List.of(key));
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            element.problem("the name, the algorithm (hmac-sha256, hmac-sha512 ...) or the base64 secret does not"
                    + " parse " + Secrets.NOT_SHOWN);
            return Optional.empty();
        }
    }

    private static Optional<String> secret(Node element) {
        Node value = element.child("secret");
        Node file = element.child("secret-file");
        String inline = value.isSet() ? value.string("a base64 secret").orElse("") : "";
        String path = file.isSet() ? file.string("a file path").orElse("") : "";
        if (inline.isEmpty() == path.isEmpty()) {
            element.problem("expected exactly one of secret (from the environment: secret = ${?MY_TSIG_SECRET})"
                    + " or secret-file");
            return Optional.empty();
        }
        if (!inline.isEmpty()) {
            return Optional.of(inline);
        }
        try {
            return Optional.of(Files.readString(Path.of(path), StandardCharsets.US_ASCII).trim());
        } catch (IOException | RuntimeException e) {
            file.problem("cannot read the TSIG secret from " + path + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }
}
