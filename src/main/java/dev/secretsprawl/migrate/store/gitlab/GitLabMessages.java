package dev.secretsprawl.migrate.store.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretsprawl.migrate.store.rest.RestApi;
import dev.secretsprawl.scan.Secret;

/**
 * GitLab's validation message ({@code {"message": {"value": ["is invalid"]}}}) as "value is invalid", with
 * short plain words only and nothing that holds the value or the token we sent.
 */
final class GitLabMessages {
    private GitLabMessages() {
    }

    static String of(RestApi.Answer answer, Secret value, RestApi api) {
        JsonNode message = answer.json().path("message");
        StringBuilder s = new StringBuilder();
        if (message.isTextual()) {
            add(s, message.asText(), value, api);
        } else if (message.isObject()) {
            message.fields().forEachRemaining(e -> e.getValue().forEach(m -> add(s, e.getKey() + " " + m.asText(), value, api)));
        }
        return s.isEmpty() ? "" : " (" + s + ")";
    }

    private static void add(StringBuilder s, String text, Secret value, RestApi api) {
        boolean plain = text.matches("[\\w .,'()/:-]{1,160}");
        boolean holdsValue = value != null && !value.reveal().isEmpty() && text.contains(value.reveal());
        if (plain && !holdsValue && !api.echoesCredential(text)) {
            s.append(s.isEmpty() ? "" : "; ").append(text.strip());
        }
    }
}
