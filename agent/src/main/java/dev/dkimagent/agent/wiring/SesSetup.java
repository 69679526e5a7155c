package dev.dkimagent.agent.wiring;

import dev.dkimagent.agent.config.SesAccountSettings;
import dev.dkimagent.agent.config.SesSettings;
import dev.dkimagent.agent.inventory.ses.SesAccount;
import dev.dkimagent.agent.inventory.ses.SesCallEvent;
import dev.dkimagent.agent.inventory.ses.SesInventory;
import dev.dkimagent.agent.inventory.ses.SesOptions;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Builds the SES inventory from {@code dkim-agent.ses}. */
public final class SesSetup {
    private SesSetup() {
    }

    /** The inventory, reading credentials from the default chain (env, profile, instance role). */
    public static SesInventory inventory(SesSettings ses, Clock clock, Consumer<SesCallEvent> listener) {
        return inventory(ses, null, clock, listener);
    }

    /** As above with these base credentials; null = the default chain. */
    public static SesInventory inventory(SesSettings ses, AwsCredentialsProvider credentials, Clock clock,
                                         Consumer<SesCallEvent> listener) {
        AwsCredentialsProvider base = credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
        return new SesInventory(options(ses), base, clock, listener);
    }

    static SesOptions options(SesSettings ses) {
        List<SesAccount> accounts = ses.accounts().stream().map(SesSetup::account).toList();
        return new SesOptions(ses.regions(), uri(ses.endpoint()), uri(ses.stsEndpoint()), accounts, ses.include(), ses.exclude(),
                ses.maxRequestsPerSecond(), ses.detailInterval(), ses.detailBudget(), ses.apiCallTimeout(),
                ses.throttleBudget() != null ? ses.throttleBudget() : SesOptions.DEFAULT_THROTTLE_BUDGET);
    }

    /** Every "ses:<account>/<region>" the inventory reads: MON01 findings group under these. */
    public static Set<String> sources(SesSettings ses) {
        Set<String> sources = new LinkedHashSet<>();
        List<String> names = ses.accounts().isEmpty()
                ? List.of(SesAccount.DEFAULT_NAME)
                : ses.accounts().stream().map(SesAccountSettings::name).toList();
        for (String account : names) {
            for (String region : ses.regions()) {
                sources.add("ses:" + account + "/" + region);
            }
        }
        return sources;
    }

    /** "" = no override. */
    private static URI uri(String url) {
        return url.isBlank() ? null : URI.create(url);
    }

    private static SesAccount account(SesAccountSettings a) {
        return new SesAccount(a.name(), a.roleArn(), a.externalId());
    }
}
