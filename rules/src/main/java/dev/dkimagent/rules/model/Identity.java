package dev.dkimagent.rules.model;

import java.util.List;

/**
 * A sending identity (a domain) and the records it needs.
 *
 * @param name    the domain, e.g. {@code mycompany.com}
 * @param source  where the expectation came from: {@code config}, or {@code ses:<account>/<region>}
 * @param records the records every authoritative nameserver must serve
 */
public record Identity(String name, String source, List<ExpectedRecord> records) {

    public Identity {
        name = Names.normal(name);
        // an EasyDkimRecords is immutable already, and copying it would build the records it saves
        records = records instanceof EasyDkimRecords ? records : List.copyOf(records);
    }
}
