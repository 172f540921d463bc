package dev.secretsprawl.migrate.store.github;

import dev.secretsprawl.migrate.store.rest.RestApi;

/** GitHub's own error message when it is a short plain sentence that does not echo the token; nothing else of the body. */
final class GitHubMessages {
    private GitHubMessages() {
    }

    static String of(RestApi.Answer answer, RestApi api) {
        String message = answer.json().path("message").asText("").strip();
        return message.matches("[\\w .,'()/-]{1,120}") && !api.echoesCredential(message) ? " (" + message + ")" : "";
    }
}
