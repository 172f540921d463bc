package dev.secretsprawl.source.jenkins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A job or folder by its names from the root. Its URL path is built from the names, not taken from the
 * API's {@code url} fields: those use the Jenkins URL configured in Jenkins, often wrong behind a proxy.
 */
record JenkinsItem(List<String> names) {
    static final JenkinsItem ROOT = new JenkinsItem(List.of());

    JenkinsItem {
        names = List.copyOf(names);
    }

    JenkinsItem child(String name) {
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return new JenkinsItem(more);
    }

    /** {@code team/app/main}, as Jenkins names it (branch names stay encoded: {@code feature%2Flogin}). */
    String fullName() {
        return String.join("/", names);
    }

    boolean isRoot() {
        return names.isEmpty();
    }

    /** {@code job/team/job/app/}, relative to the Jenkins root, each name percent-encoded. */
    String path() {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append("job/").append(segment(name)).append('/');
        }
        return out.toString();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so {@code %2F} in a branch name stays a name. */
    static String segment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
