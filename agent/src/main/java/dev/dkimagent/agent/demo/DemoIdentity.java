package dev.dkimagent.agent.demo;

import java.util.List;

/**
 * One SES identity of the demo world and its zone.
 *
 * @param domain the identity, also its zone apex
 * @param tokens its Easy-DKIM tokens, as the SES stub reports them
 */
record DemoIdentity(String domain, List<String> tokens) {

    /** The CNAME owner for a token: "&lt;token&gt;._domainkey.&lt;domain&gt;." */
    String recordName(String token) {
        return token + "._domainkey." + domain + ".";
    }

    /** The CNAME target for a token: "&lt;token&gt;.dkim.amazonses.com." */
    static String target(String token) {
        return token + "." + DemoZones.KEY_ZONE;
    }
}
