package dev.dkimagent.agent.dns;

import dev.dkimagent.rules.model.Answer;
import org.xbill.DNS.Message;

/** An observation plus the raw reply (null unless a reply arrived), for discovery's referral reading. */
record Exchange(Answer answer, Message message) {

    static Exchange failed(Answer answer) {
        return new Exchange(answer, null);
    }
}
