package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.Credential;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts that travel with a secret (its user, its key id, its companion key), read from the lines around
 * it. When a file holds several, the one written closest to the secret is taken.
 */
final class NearbyText {
    private NearbyText() {
    }

    /** Group 1 of the match of {@code pattern} closest to the secret, other than the secret itself. */
    static Optional<String> closest(Pattern pattern, Credential credential) {
        String text = credential.context().reveal();
        String secret = credential.secret().reveal();
        int at = text.indexOf(secret);
        int anchor = at >= 0 ? at : text.length() / 2;
        Matcher m = pattern.matcher(text);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        while (m.find()) {
            if (m.group(1) == null || m.group(1).equals(secret)) {
                continue;
            }
            int distance = Math.abs(m.start(1) - anchor);
            if (distance < bestDistance) {
                best = m.group(1);
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every distinct group 1 of {@code pattern} in the lines around the secret, the secret included. */
    static Set<String> all(Pattern pattern, Credential credential) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(credential.context().reveal());
        while (m.find()) {
            if (m.group(1) != null) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
