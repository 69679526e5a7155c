package dev.dkimagent.agent.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Rr;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class RepliesTest {

    /** A TXT question at a CNAME the server follows within its zone: one record owned by the question, one not. */
    private static Message followedCname(String owner) throws Exception {
        Message reply = new Message();
        reply.addRecord(Record.newRecord(Name.fromString("sel._domainkey.example.test."), Type.TXT, DClass.IN),
                Section.QUESTION);
        reply.addRecord(new CNAMERecord(Name.fromString(owner), DClass.IN, 300,
                Name.fromString("Key.Example.TEST.")), Section.ANSWER);
        reply.addRecord(new TXTRecord(Name.fromString("key.example.test."), DClass.IN, 300, "v=DKIM1; p=AB"),
                Section.ANSWER);
        return reply;
    }

    @Test
    void recordsOwnedByTheQuestion_takeItsText_theOthersTheirOwn_asWithoutTheQuestion() throws Exception {
        QuestionNames.Question asked = new QuestionNames().absolute("sel._domainkey.example.test");
        Message reply = followedCname("SEL._domainkey.Example.test.");

        Answer withQuestion = Replies.toAnswer(reply, 7, asked.name(), asked.text());

        assertThat(withQuestion.records()).extracting(Rr::name)
                .containsExactly("sel._domainkey.example.test", "key.example.test");
        assertThat(withQuestion.records().get(0).name()).as("the question's own string").isSameAs(asked.text());
        assertThat(withQuestion.records().get(0).data()).isEqualTo("key.example.test");
        assertThat(withQuestion).isEqualTo(Replies.toAnswer(reply, 7, null, null));
    }

    @Test
    void theQuestionText_isTheTextARepliedNameGets_evenWhenAskedInCapitalsOrWithADot() throws Exception {
        QuestionNames names = new QuestionNames();
        for (String asked : new String[] {"Sel._DomainKey.Example.Test", "sel._domainkey.example.test."}) {
            QuestionNames.Question q = names.absolute(asked);
            assertThat(q.asked()).isEqualTo(asked);
            assertThat(q.text()).isEqualTo(NameTexts.of(Name.fromString("sel._domainkey.example.test.")))
                    .isEqualTo("sel._domainkey.example.test");
        }
    }
}
