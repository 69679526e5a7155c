package dev.dkimagent.agent.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each configured domain is listed, in HOCON or in an identity file, so that a domain
 * listed twice is reported with both places. Kept only while the configuration is read.
 */
final class DomainPlaces {
    /** A place a domain is listed at, described for a message when it is listed again. */
    interface Place {
        String describe();
    }

    /** Line {@code line} of the identity file shown as {@code file}. */
    record FileLine(String file, int line) implements Place {
        @Override
        public String describe() {
            return file + ": " + line;
        }
    }

    private final Map<String, Place> first = new HashMap<>();

    /**
     * Notes {@code domain} (normalised) at {@code place}; when it was listed before, empty becomes
     * the message naming that first place.
     */
    Optional<String> add(String domain, Place place) {
        Place before = first.putIfAbsent(domain, place);
        if (before == null) {
            return Optional.empty();
        }
        return Optional.of("duplicate domain '" + domain + "', already at " + before.describe()
                + "; list each domain once");
    }
}
