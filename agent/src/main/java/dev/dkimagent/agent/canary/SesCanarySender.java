package dev.dkimagent.agent.canary;

import dev.dkimagent.rules.model.CanaryRound;
import java.time.Instant;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * SES v2 SendEmail, simple content with the canary header, through the given configuration set,
 * with the client of the identity's own SES region.
 */
public final class SesCanarySender implements CanarySender {
    private final Function<String, SesV2Client> clientOf;
    private final String configurationSet;

    /** One client for every identity. configurationSet: "" for none. The client is the caller's to close. */
    public SesCanarySender(SesV2Client ses, String configurationSet) {
        this(identity -> ses, configurationSet);
    }

    /** clientOf: identity -> the client of the region it sends through. The clients are the caller's to close. */
    public SesCanarySender(Function<String, SesV2Client> clientOf, String configurationSet) {
        this.clientOf = clientOf;
        this.configurationSet = configurationSet;
    }

    @Override
    public void send(CanaryMessage message, Instant at) throws CanaryException {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(message.from())
                .destination(d -> d.toAddresses(message.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(message.subject()).charset("UTF-8"))
                        .body(b -> b.text(t -> t.data(message.text(at)).charset("UTF-8")))
                        .headers(MessageHeader.builder().name(CanaryMessage.HEADER).value(message.id()).build())));
        if (!configurationSet.isEmpty()) {
            request.configurationSetName(configurationSet);
        }
        try {
            clientOf.apply(message.identity()).sendEmail(request.build());
        } catch (SdkException e) {
            throw new CanaryException(CanaryRound.Stage.SEND, "SendEmail from " + message.from() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
