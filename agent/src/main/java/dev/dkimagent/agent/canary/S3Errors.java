package dev.dkimagent.agent.canary;

import dev.dkimagent.agent.config.CanarySettings.S3Settings;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** An S3 error as a person reads it: code, status, S3's message and what to check. Never a credential. */
final class S3Errors {
    private S3Errors() {
    }

    static String describe(S3Exception e, S3Settings settings) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
        return code + " (HTTP " + e.statusCode() + "): " + message + hint(code, settings);
    }

    private static String hint(String code, S3Settings s) {
        return switch (code) {
            case "AccessDenied", "AllAccessDisabled" -> "; the agent's role needs s3:ListBucket on arn:aws:s3:::"
                    + s.bucket() + " (prefix \"" + s.prefix() + "\") and s3:GetObject, s3:DeleteObject on arn:aws:s3:::"
                    + s.bucket() + "/" + s.prefix() + "* (see deploy/iam)";
            case "NoSuchBucket" -> "; check dkim-agent.canary.mailbox.s3.bucket";
            case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
                    "; the bucket is in another region: set dkim-agent.canary.mailbox.s3.region to it";
            case "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken" ->
                    "; check the agent's AWS credentials (the same as for SES)";
            default -> "";
        };
    }
}
