package dev.secretsprawl.verify.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A page and the user name and password to request it with.
 *
 * @param origin {@code scheme://host[:port]}, never with the credentials
 * @param path   the path written, {@code /} when none
 */
record BasicAuthTarget(URI origin, String path, String user, String password) {
    /** What we request: a Git repository URL is asked for its refs, the one page of it that wants a login. */
    URI page() {
        String p = path.endsWith(".git") || path.endsWith(".git/")
                ? path.replaceAll("/$", "") + "/info/refs?service=git-upload-pack" : path;
        try {
            return URI.create(origin + p);
        } catch (IllegalArgumentException e) {
            return URI.create(origin + "/");
        }
    }

    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return user + "@" + origin + path;
    }
}
