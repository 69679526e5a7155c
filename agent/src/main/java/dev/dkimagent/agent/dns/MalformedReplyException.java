package dev.dkimagent.agent.dns;

import java.io.IOException;

/** Bytes came back that do not parse as a DNS message at all. */
final class MalformedReplyException extends IOException {
    MalformedReplyException(String message) {
        super(message);
    }
}
