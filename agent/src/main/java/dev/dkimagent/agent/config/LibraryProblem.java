package dev.dkimagent.agent.config;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigOriginFactory;

import java.util.List;
import java.util.Map;

/**
 * Typesafe Config's own error (syntax, unresolved substitution, incompatible concatenation) as one
 * of our problems: a short file name, one line, clipped, and without the values of environment
 * variables, which its text may quote (Quoted("https://hooks.slack.com/...")).
 */
final class LibraryProblem {
    private static final String ENVIRONMENT = "env variable";

    private LibraryProblem() {
    }

    static ConfigException of(com.typesafe.config.ConfigException e, ConfigFiles files) {
        String message = String.valueOf(e.getMessage());
        ConfigOrigin origin = e.origin();
        if (origin != null && message.startsWith(origin.description() + ": ")) {
            message = message.substring(origin.description().length() + 2);
        }
        if (message.contains("include keyword")) {
            // HOCON reserves `include`: the SES filter it meant is now ses.match.
            message += " (to filter SES identities write match = [\"*\"]; include was renamed match)";
        }
        if (origin != null && origin.description().startsWith(ENVIRONMENT)) {
            origin = whereSubstituted(message, files);
        }
        Problems problems = new Problems();
        problems.addAt(origin, Shown.withoutSecrets(message, secretValues(files)));
        return new ConfigException(problems.all());
    }

    /** The file and the line that substitutes the environment variable whose value the message quotes. */
    private static ConfigOrigin whereSubstituted(String message, ConfigFiles files) {
        ConfigOrigin file = ConfigOriginFactory.newFile(files.topFile());
        for (Map.Entry<String, String> variable : secretVariables(files)) {
            if (variable.getValue().length() >= 4 && message.contains(variable.getValue())) {
                int line = files.substitutionLine(variable.getKey());
                if (line > 0) {
                    return file.withLineNumber(line);
                }
            }
        }
        return file;
    }

    /** The values of the variables the files substitute, and of every DKIM_AGENT_ variable. */
    private static List<String> secretValues(ConfigFiles files) {
        return secretVariables(files).stream().map(Map.Entry::getValue).toList();
    }

    private static List<Map.Entry<String, String>> secretVariables(ConfigFiles files) {
        return System.getenv().entrySet().stream()
                .filter(e -> files.environmentNames().contains(e.getKey()) || e.getKey().startsWith("DKIM_AGENT_"))
                .toList();
    }
}
