package dev.dkimagent.rules.matrix;

import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.RecordType;

/** Who publishes the key behind a DKIM record: it decides what a person can do about a problem. */
public enum Provider {
    /** A CNAME to Amazon SES's signing zone: SES publishes the key, the user publishes the CNAME. */
    EASY_DKIM("easy-dkim"),
    /** A TXT key SES signs with (BYODKIM): the user publishes the public key. */
    BYODKIM("byodkim"),
    /** A CNAME to another DKIM provider (SendGrid, Mailchimp ...): that provider publishes the key. */
    OTHER_CNAME("other-cname"),
    /** A TXT key the user publishes and signs with. */
    TXT_KEY("txt-key");

    private static final String SES_SIGNING_ZONE = ".amazonses.com";
    private final String slug;

    Provider(String slug) {
        this.slug = slug;
    }

    /** The spelling in finding args and message keys, e.g. {@code easy-dkim}. */
    public String slug() {
        return slug;
    }

    public static Provider of(Identity identity, ExpectedRecord record) {
        if (record.type() == RecordType.CNAME) {
            return record.value().endsWith(SES_SIGNING_ZONE) ? EASY_DKIM : OTHER_CNAME;
        }
        return identity.source() != null && identity.source().contains("ses:") ? BYODKIM : TXT_KEY;
    }
}
