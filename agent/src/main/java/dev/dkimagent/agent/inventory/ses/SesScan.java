package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesView;

import java.util.List;

/**
 * The result of one SES scan.
 *
 * @param identities one per domain, the records of all its accounts and regions merged
 * @param view       per identity x account x region states and the errors; memory is empty (the store fills it)
 */
public record SesScan(List<Identity> identities, SesView view) {

    public SesScan {
        identities = List.copyOf(identities);
    }
}
