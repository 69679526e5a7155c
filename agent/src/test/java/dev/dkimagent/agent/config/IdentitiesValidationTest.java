package dev.dkimagent.agent.config;

import org.junit.jupiter.api.Test;

import static dev.dkimagent.agent.config.ConfigFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

class IdentitiesValidationTest {

    @Test
    void tokens_emptyOrMoreThanThree_isRejectedWithTheCount() {
        assertThat(problems("""
                dkim-agent.identities = [
                  { domain = "a.com", tokens = [] }
                  { domain = "b.com", tokens = [t1, t2, t3, t4] }
                ]
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.identities[0].tokens: expected a list of 1 to 3 DKIM tokens, got 0",
                "dkim-agent.conf: 3: dkim-agent.identities[1].tokens: expected a list of 1 to 3 DKIM tokens, got 4");
    }

    @Test
    void tokens_notSingleLabelsOrRepeated_areRejected() {
        assertThat(problems("""
                dkim-agent.identities = [ { domain = "a.com", tokens = [
                  "t1.dkim.amazonses.com"
                  "t2"
                  "T2"
                ] } ]
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.identities[0].tokens[0]: expected a single DNS label"
                        + " (1 to 63 letters, digits, '-' or '_'), got 't1.dkim.amazonses.com'",
                "dkim-agent.conf: 4: dkim-agent.identities[0].tokens[2]: token 't2' is listed twice");
    }

    @Test
    void domain_invalidNames_sayWhatIsWrong() {
        String longLabel = "a".repeat(64);
        String longName = ("a".repeat(60) + ".").repeat(5) + "com";
        assertThat(problems("""
                dkim-agent.identities = [
                  { domain = "my..com", tokens = [t1] }
                  { domain = "%s.com", tokens = [t1] }
                  { domain = "%s", tokens = [t1] }
                  { domain = "my company.com", tokens = [t1] }
                ]
                """.formatted(longLabel, longName))).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.identities[0].domain: expected a DNS name, got 'my..com'"
                        + " (empty label)",
                "dkim-agent.conf: 3: dkim-agent.identities[1].domain: expected a DNS name, got '" + longLabel
                        + ".com' (label '" + longLabel + "' is not 1 to 63 letters, digits, '-' or '_')",
                "dkim-agent.conf: 4: dkim-agent.identities[2].domain: expected a DNS name, got '"
                        + longName.substring(0, 100) + "... (308 characters)' (longer than 253 characters)",
                "dkim-agent.conf: 5: dkim-agent.identities[3].domain: expected a DNS name, got 'my company.com'"
                        + " (label 'my company' is not 1 to 63 letters, digits, '-' or '_')");
    }

    @Test
    void domain_missing_isReportedAtTheIdentity() {
        assertThat(problems("""
                dkim-agent.identities = [
                  { tokens = [t1] }
                ]
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.identities[0].domain: expected a domain name,"
                        + " e.g. \"mycompany.com\", got nothing");
    }

    @Test
    void domain_repeatedInAnotherSpelling_isRejected() {
        assertThat(problems("""
                dkim-agent.identities = [
                  { domain = "mycompany.com", tokens = [t1] }
                  { domain = "MyCompany.com.", tokens = [t2] }
                ]
                """)).containsExactly(
                "dkim-agent.conf: 3: dkim-agent.identities[1].domain: duplicate domain 'mycompany.com',"
                        + " already at dkim-agent.identities[0].domain (dkim-agent.conf: 2); list each domain once");
    }

    @Test
    void identity_withNeitherTokensNorRecords_isRejected() {
        assertThat(problems("dkim-agent.identities = [ { domain = \"a.com\" } ]")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.identities[0]: an identity needs tokens (Easy DKIM) or records"
                        + " (any other provider), or both");
    }

    @Test
    void identities_notAListOfObjects_isRejected() {
        assertThat(problems("dkim-agent.identities = { domain = \"a.com\" }")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.identities: expected a list of identities"
                        + " { domain = ..., tokens = [...] }, got an object");
        assertThat(problems("dkim-agent.identities = [ \"a.com\" ]")).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.identities[0]: expected an identity { domain = ...,"
                        + " tokens = [...] and/or records = [...] }, got 'a.com'");
    }

    @Test
    void signingHostedZone_invalid_isRejected() {
        assertThat(problems("""
                dkim-agent.identities = [ { domain = "a.com", tokens = [t1], signing-hosted-zone = "dkim..aws" } ]
                """)).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.identities[0].signing-hosted-zone: expected a DNS name,"
                        + " got 'dkim..aws' (empty label)");
    }

    @Test
    void records_nameOutsideTheDomain_isRejected() {
        assertThat(problems("""
                dkim-agent.identities = [ { domain = "example.org", records = [
                  { name = "s1._domainkey.example.com", type = CNAME, value = "s1.example.net" }
                ] } ]
                """)).containsExactly(
                "dkim-agent.conf: 2: dkim-agent.identities[0].records[0].name: expected a name at or below"
                        + " 'example.org', got 's1._domainkey.example.com'");
    }

    @Test
    void records_wrongTypeMissingCnameTargetAndEmptyList_areRejected() {
        assertThat(problems("""
                dkim-agent.identities = [
                  { domain = "example.org", records = [
                    { name = "s1._domainkey.example.org", type = A, value = "192.0.2.1" }
                    { name = "s2._domainkey.example.org", type = CNAME }
                    { name = "s3._domainkey.example.org" }
                  ] }
                  { domain = "example.net", records = [] }
                ]
                """)).containsExactly(
                "dkim-agent.conf: 3: dkim-agent.identities[0].records[0].type: expected CNAME or TXT, got 'A'",
                "dkim-agent.conf: 4: dkim-agent.identities[0].records[1].value: expected the CNAME target,"
                        + " a DNS name, got nothing",
                "dkim-agent.conf: 5: dkim-agent.identities[0].records[2].type: expected CNAME or TXT, got nothing",
                "dkim-agent.conf: 7: dkim-agent.identities[1].records: expected a list of 1 or more records, got 0");
    }

    @Test
    void records_sameNameAsAToken_isRejected() {
        assertThat(problems("""
                dkim-agent.identities = [ { domain = "a.com", tokens = [t1], records = [
                  { name = "t1._domainkey.a.com", type = TXT }
                ] } ]
                """)).containsExactly(
                "dkim-agent.conf: 1: dkim-agent.identities[0]: expects 't1._domainkey.a.com' more than once"
                        + " (tokens and records overlap, or a record is repeated); list each name once");
    }
}
