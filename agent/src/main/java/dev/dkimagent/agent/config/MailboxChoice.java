package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValueType;

/**
 * Which canary mailbox the user chose: reference.conf gives both {@code imap} and {@code s3}
 * their defaults, so the choice is the one whose keys the user wrote. Exactly one when enabled.
 */
final class MailboxChoice {
    /** BOTH and NONE are reported here; the caller then asks nothing more of either mailbox. */
    enum Kind { IMAP, S3, BOTH, NONE }

    private MailboxChoice() {
    }

    /** enabledNode: the user's {@code enabled = true}, or null when the canary is off (nothing is required). */
    static Kind of(Node mailbox, Node enabledNode) {
        Node imap = mailbox.child("imap");
        Node s3 = mailbox.child("s3");
        boolean imapWritten = written(imap);
        boolean s3Written = written(s3);
        if (imapWritten && s3Written) {
            s3.problem("set " + imap.path() + " or " + s3.path() + ", not both (" + imap.path() + " is set at "
                    + where(firstWritten(imap)) + ")");
            return Kind.BOTH;
        }
        if (imapWritten || s3Written) {
            return imapWritten ? Kind.IMAP : Kind.S3;
        }
        if (enabledNode != null) {
            enabledNode.problem("canary.enabled = true needs a mailbox: " + imap.path()
                    + " { host, user, password } or " + s3.path() + " { bucket, prefix }");
        }
        return Kind.NONE;
    }

    /** True when some value under {@code node} comes from the user's files rather than reference.conf. */
    static boolean written(Node node) {
        return firstWritten(node) != null;
    }

    private static Node firstWritten(Node node) {
        if (node.type() == ConfigValueType.OBJECT) {
            for (String key : node.keys()) {
                Node found = firstWritten(node.child(key));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        ConfigOrigin origin = node.origin();
        return node.isSet() && origin != null && origin.resource() == null ? node : null;
    }

    private static String where(Node node) {
        ConfigOrigin origin = node.origin();
        return Problems.fileOf(origin) + (origin.lineNumber() > 0 ? ": " + origin.lineNumber() : "");
    }
}
