package dev.dkimagent.agent.demo.ses;

import com.sun.net.httpserver.HttpExchange;
import dev.dkimagent.agent.demo.LoopbackHttp;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for Amazon SES (v1 Query/XML and v2 REST/JSON) and STS AssumeRole on
 * 127.0.0.1, speaking the wire formats of the AWS API references. Accounts are told apart by the
 * access key in the SigV4 Authorization header (the base key is account {@value #BASE_ACCOUNT}; each
 * assumed role gets its own temporary key), the region by the header's credential scope. Signatures
 * are not verified.
 *
 * <p>Scriptable: identities per account x region ({@link #domain}, {@link #email}); faults
 * ({@link #throttle}, {@link #deny}, {@link #denyAssumeRole}, {@link #malformed}); and it counts and
 * timestamps every call ({@link #calls}, {@link #arrivals}, {@link #log}).
 */
public final class AwsSesStub implements AutoCloseable {
    public static final String BASE_ACCOUNT = "default";
    public static final String BASE_ACCESS_KEY = "AKIASTUBBASE00000001";
    public static final String BASE_SECRET_KEY = "stubBaseSecretKey/DoNotLeak+0123456789abcd";

    public static final String LIST_IDENTITIES = "ListIdentities";
    public static final String GET_DKIM_ATTRIBUTES = "GetIdentityDkimAttributes";
    public static final String GET_EMAIL_IDENTITY = "GetEmailIdentity";
    public static final String LIST_EMAIL_IDENTITIES = "ListEmailIdentities";
    public static final String ASSUME_ROLE = "AssumeRole";
    public static final String SEND_EMAIL = "SendEmail";
    private static final String ANY_OPERATION = "*";

    private static final String SES_NS = "http://ses.amazonaws.com/doc/2010-12-01/";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/aws4_request");

    /** One request as the stub saw it. */
    public record Call(String account, String region, String operation, long arrivalNanos, Map<String, String> params) {
    }

    private record Issued(String account, String accessKey, String secretKey, String sessionToken) {
    }

    private record Fault(String account, String region, String operation, String kind, AtomicInteger remaining) {
        boolean matches(Call call) {
            return (operation.equals(ANY_OPERATION) || operation.equals(call.operation())) && (account == null || account.equals(call.account()))
                    && (region == null || region.equals(call.region())) && remaining.getAndDecrement() > 0;
        }
    }

    private final LoopbackHttp http;
    private final Map<String, Map<String, StubIdentity>> identities = new ConcurrentHashMap<>();
    private final Map<String, String> roleAccounts = new ConcurrentHashMap<>();
    private final Map<String, Issued> issuedByKey = new ConcurrentHashMap<>();
    private final Map<String, Issued> issuedByAccount = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Call> log = new CopyOnWriteArrayList<>();
    private volatile StubMailer mailer;

    private AwsSesStub() {
        http = LoopbackHttp.start("SES stub", this::handle);
    }

    public static AwsSesStub start() {
        return new AwsSesStub();
    }

    public URI endpoint() {
        return http.endpoint();
    }

    /** Static credentials for account {@value #BASE_ACCOUNT}; also the base for AssumeRole. */
    public AwsCredentialsProvider baseCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(BASE_ACCESS_KEY, BASE_SECRET_KEY));
    }

    /** Declares a role whose temporary credentials act as {@code account}; returns its ARN. */
    public String role(String account) {
        String arn = "arn:aws:iam::" + String.format("%012d", Math.abs(account.hashCode()) % 1_000_000_000_000L)
                + ":role/" + account;
        roleAccounts.put(arn, account);
        return arn;
    }

    /** Every secret the stub handed out (base secret, temporary secrets and session tokens). */
    public List<String> secrets() {
        List<String> all = new ArrayList<>(List.of(BASE_SECRET_KEY));
        issuedByKey.values().forEach(i -> all.addAll(List.of(i.secretKey(), i.sessionToken())));
        return all;
    }

    public StubIdentity domain(String account, String region, String name) {
        return identities.computeIfAbsent(account + "|" + region, k -> Collections.synchronizedMap(new LinkedHashMap<>()))
                .computeIfAbsent(name, n -> new StubIdentity(n, false));
    }

    public StubIdentity email(String account, String region, String address) {
        return identities.computeIfAbsent(account + "|" + region, k -> Collections.synchronizedMap(new LinkedHashMap<>()))
                .computeIfAbsent(address, n -> new StubIdentity(n, true));
    }

    /** The next {@code times} SES calls, whatever their operation (any account, region), are throttled. */
    public void throttleNext(int times) {
        throttle(null, null, ANY_OPERATION, times);
    }

    /** The next {@code times} calls of {@code operation} (any account, region) are throttled. */
    public void throttle(String operation, int times) {
        throttle(null, null, operation, times);
    }

    /** As {@link #throttle(String, int)} for one account and region (null = any); MAX_VALUE = never clears. */
    public void throttle(String account, String region, String operation, int times) {
        faults.add(new Fault(account, region, operation, "throttle", new AtomicInteger(times)));
    }

    /** The next {@code times} calls of {@code operation} get HTTP 200 with a truncated body. */
    public void malformed(String operation, int times) {
        faults.add(new Fault(null, null, operation, "malformed", new AtomicInteger(times)));
    }

    /** Every SES call of {@code account} is denied (403 AccessDenied), as with a policy lacking ses:*. */
    public void deny(String account) {
        denied.add(account);
    }

    /** AssumeRole into {@code account}'s role is denied (403 AccessDenied from STS). */
    public void denyAssumeRole(String account) {
        deniedRoles.add(account);
    }

    public int calls(String operation) {
        return (int) log.stream().filter(c -> c.operation().equals(operation)).count();
    }

    public int calls(String account, String region, String operation) {
        return (int) log.stream().filter(c -> c.operation().equals(operation) && c.account().equals(account)
                && c.region().equals(region)).count();
    }

    /** System.nanoTime() at arrival of each call of {@code operation}, in arrival order. */
    public List<Long> arrivals(String operation) {
        return log.stream().filter(c -> c.operation().equals(operation)).map(Call::arrivalNanos).toList();
    }

    public List<Call> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        http.close();
    }

    // ---- dispatch ----------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long arrival = System.nanoTime();
            String body = new String(readAll(ex.getRequestBody()), StandardCharsets.UTF_8);
            Matcher scope = CREDENTIAL.matcher(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            if (!scope.find()) {
                queryError(ex, 403, "MissingAuthenticationToken", "Request is missing Authentication Token", SES_NS);
                return;
            }
            String account = accountOf(scope.group(1), ex.getRequestHeaders().getFirst("X-Amz-Security-Token"));
            if (account == null) {
                queryError(ex, 403, "InvalidClientTokenId", "The security token included in the request is invalid.", SES_NS);
                return;
            }
            route(ex, new Request(account, scope.group(2), scope.group(3), body, arrival));
        }
    }

    private record Request(String account, String region, String service, String body, long arrival) {
    }

    private String accountOf(String accessKey, String sessionToken) {
        if (BASE_ACCESS_KEY.equals(accessKey)) {
            return BASE_ACCOUNT;
        }
        Issued issued = issuedByKey.get(accessKey);
        return issued != null && issued.sessionToken().equals(sessionToken) ? issued.account() : null;
    }

    private void route(HttpExchange ex, Request r) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path.startsWith("/v2/email/")) {
            routeV2(ex, r, path);
            return;
        }
        Map<String, String> form = parseForm(r.body());
        String action = form.getOrDefault("Action", "");
        Call call = record(r, action, form);
        if ("sts".equals(r.service())) {
            assumeRole(ex, form);
        } else if (!faulted(ex, call, false)) {
            switch (action) {
                case LIST_IDENTITIES -> listIdentities(ex, r, form);
                case GET_DKIM_ATTRIBUTES -> dkimAttributes(ex, r, form);
                default -> queryError(ex, 400, "InvalidAction", "Could not find operation " + action, SES_NS);
            }
        }
    }

    /** SendEmail (v2) builds, signs and delivers mail through this mailer; without one it is refused. */
    public void mailer(StubMailer value) {
        mailer = value;
    }

    private void sendEmail(HttpExchange ex, Request r) throws IOException {
        com.fasterxml.jackson.databind.JsonNode request = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        Call call = record(r, SEND_EMAIL, Map.of("FromEmailAddress", request.path("FromEmailAddress").asText()));
        if (faulted(ex, call, true)) {
            return;
        }
        StubMailer current = mailer;
        if (current == null) {
            jsonError(ex, 400, "MessageRejected", "Email address is not verified.");
            return;
        }
        try {
            String messageId = current.send(request, signingEnabled(r, request.path("FromEmailAddress").asText()));
            respond(ex, 200, "application/json", new StubIdentity.Json().str("MessageId", messageId).toString());
        } catch (jakarta.mail.MessagingException e) {
            jsonError(ex, 500, "InternalFailure", "delivery failed: " + e.getMessage());
        }
    }

    /** As SES signs: with the From domain's key unless that identity (in this account and region) has signing disabled. */
    private boolean signingEnabled(Request r, String from) {
        StubIdentity identity = pairIdentities(r).get(from.substring(from.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT));
        return identity == null || identity.signingEnabled();
    }

    private void routeV2(HttpExchange ex, Request r, String path) throws IOException {
        if (path.equals("/v2/email/outbound-emails")) {
            sendEmail(ex, r);
            return;
        }
        boolean list = path.equals("/v2/email/list-identities");
        String name = list ? "" : URLDecoder.decode(path.substring("/v2/email/identities/".length()), StandardCharsets.UTF_8);
        Call call = record(r, list ? LIST_EMAIL_IDENTITIES : GET_EMAIL_IDENTITY, Map.of("EmailIdentity", name));
        if (faulted(ex, call, true)) {
            return;
        }
        if (list) {
            listEmailIdentities(ex, r);
            return;
        }
        StubIdentity identity = pairIdentities(r).get(name);
        if (identity == null) {
            jsonError(ex, 404, "NotFoundException", "Email identity " + name + " does not exist.");
        } else {
            respond(ex, 200, "application/json", identity.v2Json());
        }
    }

    private Call record(Request r, String operation, Map<String, String> params) {
        Call call = new Call(r.account(), r.region(), operation, r.arrival(), Map.copyOf(params));
        log.add(call);
        return call;
    }

    /** Applies denial and scripted faults; true when a fault answered the call. */
    private boolean faulted(HttpExchange ex, Call call, boolean v2) throws IOException {
        if (denied.contains(call.account())) {
            String message = "User: arn:aws:sts::000000000000:assumed-role/x is not authorized to perform: ses:"
                    + call.operation();
            if (v2) {
                jsonError(ex, 403, "AccessDeniedException", message);
            } else {
                queryError(ex, 403, "AccessDenied", message, SES_NS);
            }
            return true;
        }
        for (Fault f : faults) {
            if (f.matches(call)) {
                answerFault(ex, f.kind(), call.operation(), v2);
                return true;
            }
        }
        return false;
    }

    private void answerFault(HttpExchange ex, String kind, String operation, boolean v2) throws IOException {
        if (kind.equals("malformed")) {
            respond(ex, 200, v2 ? "application/json" : "text/xml",
                    v2 ? "{\"DkimAttributes\":{\"Status\":\"SUCC" : "<" + operation + "Response xmlns=\"" + SES_NS
                            + "\"><" + operation + "Result><Identities><member>trunc");
        } else if (v2) {
            jsonError(ex, 429, "TooManyRequestsException", "Too many requests.");
        } else {
            queryError(ex, 400, "Throttling", "Rate exceeded", SES_NS);
        }
    }

    // ---- v1 Query protocol -------------------------------------------------------------------

    private void listIdentities(HttpExchange ex, Request r, Map<String, String> form) throws IOException {
        int max = Integer.parseInt(form.getOrDefault("MaxItems", "1000"));
        if (max < 1 || max > 1000) {
            queryError(ex, 400, "InvalidParameterValue", "MaxItems must be between 1 and 1000", SES_NS);
            return;
        }
        String type = form.get("IdentityType");
        List<StubIdentity> all = new ArrayList<>(pairIdentities(r).values()).stream()
                .filter(i -> type == null || i.email() == type.equals("EmailAddress")).toList();
        int from = Integer.parseInt(form.getOrDefault("NextToken", "0"));
        int to = Math.min(all.size(), from + max);
        StringBuilder members = new StringBuilder();
        all.subList(from, to).forEach(i -> members.append("<member>").append(xml(i.name())).append("</member>"));
        String next = to < all.size() ? "<NextToken>" + to + "</NextToken>" : "";
        respond(ex, 200, "text/xml", "<ListIdentitiesResponse xmlns=\"" + SES_NS + "\"><ListIdentitiesResult>"
                + "<Identities>" + members + "</Identities>" + next + "</ListIdentitiesResult>"
                + metadata() + "</ListIdentitiesResponse>");
    }

    private void dkimAttributes(HttpExchange ex, Request r, Map<String, String> form) throws IOException {
        List<String> names = members(form, "Identities.member.");
        if (names.size() > 100) {
            queryError(ex, 400, "InvalidParameterValue", "Too many identities: at most 100 per request", SES_NS);
            return;
        }
        Map<String, StubIdentity> known = pairIdentities(r);
        StringBuilder entries = new StringBuilder();
        for (String name : names) {
            StubIdentity i = known.get(name);
            if (i != null) {
                StringBuilder tokens = new StringBuilder();
                i.v1Tokens().forEach(t -> tokens.append("<member>").append(xml(t)).append("</member>"));
                entries.append("<entry><key>").append(xml(name)).append("</key><value><DkimEnabled>true</DkimEnabled>")
                        .append("<DkimVerificationStatus>").append(i.v1Status()).append("</DkimVerificationStatus>")
                        .append("<DkimTokens>").append(tokens).append("</DkimTokens></value></entry>");
            }
        }
        respond(ex, 200, "text/xml", "<GetIdentityDkimAttributesResponse xmlns=\"" + SES_NS + "\">"
                + "<GetIdentityDkimAttributesResult><DkimAttributes>" + entries + "</DkimAttributes>"
                + "</GetIdentityDkimAttributesResult>" + metadata() + "</GetIdentityDkimAttributesResponse>");
    }

    // ---- v2 REST/JSON ------------------------------------------------------------------------

    private void listEmailIdentities(HttpExchange ex, Request r) throws IOException {
        Matcher size = Pattern.compile("\"PageSize\"\\s*:\\s*(\\d+)").matcher(r.body());
        Matcher token = Pattern.compile("\"NextToken\"\\s*:\\s*\"(\\d+)\"").matcher(r.body());
        int max = size.find() ? Integer.parseInt(size.group(1)) : 1000;
        int from = token.find() ? Integer.parseInt(token.group(1)) : 0;
        List<StubIdentity> all = new ArrayList<>(pairIdentities(r).values());
        int to = Math.min(all.size(), from + max);
        List<String> items = all.subList(from, to).stream().map(i -> new StubIdentity.Json()
                .str("IdentityName", i.name()).str("IdentityType", i.email() ? "EMAIL_ADDRESS" : "DOMAIN")
                .bool("SendingEnabled", true).str("VerificationStatus", "SUCCESS").toString()).toList();
        StubIdentity.Json out = new StubIdentity.Json().raw("EmailIdentities", "[" + String.join(",", items) + "]");
        respond(ex, 200, "application/json", (to < all.size() ? out.str("NextToken", Integer.toString(to)) : out).toString());
    }

    // ---- STS ---------------------------------------------------------------------------------

    private void assumeRole(HttpExchange ex, Map<String, String> form) throws IOException {
        String account = roleAccounts.get(form.getOrDefault("RoleArn", ""));
        if (account == null || deniedRoles.contains(account)) {
            queryError(ex, 403, "AccessDenied", "User: arn:aws:iam::000000000000:user/base is not authorized to perform: "
                    + "sts:AssumeRole on resource: " + form.get("RoleArn"), STS_NS);
            return;
        }
        Issued c = issuedByAccount.computeIfAbsent(account, this::issue);
        respond(ex, 200, "text/xml", "<AssumeRoleResponse xmlns=\"" + STS_NS + "\"><AssumeRoleResult>"
                + "<AssumedRoleUser><AssumedRoleId>AROASTUB:" + xml(form.get("RoleSessionName")) + "</AssumedRoleId>"
                + "<Arn>" + xml(form.get("RoleArn")) + "</Arn></AssumedRoleUser>"
                + "<Credentials><AccessKeyId>" + c.accessKey() + "</AccessKeyId>"
                + "<SecretAccessKey>" + c.secretKey() + "</SecretAccessKey>"
                + "<SessionToken>" + c.sessionToken() + "</SessionToken>"
                + "<Expiration>" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "</Expiration>"
                + "</Credentials></AssumeRoleResult>" + metadata() + "</AssumeRoleResponse>");
    }

    private Issued issue(String account) {
        String id = UUID.randomUUID().toString().replace("-", "");
        Issued issued = new Issued(account, "ASIASTUB" + id.substring(0, 12).toUpperCase(),
                "tempSecret" + id, "tempSessionToken" + id + "/" + account);
        issuedByKey.put(issued.accessKey(), issued);
        return issued;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Map<String, StubIdentity> pairIdentities(Request r) {
        Map<String, StubIdentity> map = identities.getOrDefault(r.account() + "|" + r.region(), Map.of());
        synchronized (map) {
            return new LinkedHashMap<>(map);
        }
    }

    private static void queryError(HttpExchange ex, int status, String code, String message, String ns) throws IOException {
        respond(ex, status, "text/xml", "<ErrorResponse xmlns=\"" + ns + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + xml(message) + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>");
    }

    private static void jsonError(HttpExchange ex, int status, String type, String message) throws IOException {
        ex.getResponseHeaders().add("x-amzn-ErrorType", type);
        respond(ex, status, "application/json", new StubIdentity.Json().str("message", message).toString());
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static List<String> members(Map<String, String> form, String prefix) {
        List<String> out = new ArrayList<>();
        for (int n = 1; form.containsKey(prefix + n); n++) {
            out.add(form.get(prefix + n));
        }
        return out;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
