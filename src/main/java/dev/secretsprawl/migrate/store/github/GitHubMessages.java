package dev.secretsprawl.migrate.store.github;

import dev.secretsprawl.migrate.store.rest.RestApi;

/** GitHub's own error message, when it is a short plain sentence: never more of the body than that. */
final class GitHubMessages {
    private GitHubMessages() {
    }

    static String of(RestApi.Answer answer) {
        String message = answer.json().path("message").asText("").strip();
        return message.matches("[\\w .,'()/-]{1,120}") ? " (" + message + ")" : "";
    }
}
