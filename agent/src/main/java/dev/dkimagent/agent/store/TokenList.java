package dev.dkimagent.agent.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/** {@code ses_memory.tokens_json}: a JSON array of strings, and nothing else. */
final class TokenList {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenList() {
    }

    static String write(List<String> tokens) {
        ArrayNode array = MAPPER.createArrayNode();
        tokens.forEach(array::add);
        return array.toString();
    }

    static List<String> read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored SES tokens are not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isArray()) {
            throw new IllegalStateException("stored SES tokens are not a JSON array: " + clip(json));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode token : node) {
            if (!token.isTextual()) {
                throw new IllegalStateException("stored SES tokens hold a non-string: " + clip(json));
            }
            out.add(token.textValue());
        }
        return out;
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
