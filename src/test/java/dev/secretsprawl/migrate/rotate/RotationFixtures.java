package dev.secretsprawl.migrate.rotate;

import dev.secretsprawl.scan.Finding;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Endpoints;
import dev.secretsprawl.verify.VerifyContext;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every rotator test needs: synthetic passwords, credentials as the scanner finds them, leak checks. */
public final class RotationFixtures {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private RotationFixtures() {
    }

    /** Random letters and digits every password rule reports (both cases and a digit, no stopword inside). */
    public static String password() {
        while (true) {
            StringBuilder sb = new StringBuilder("Zq7");
            for (int i = 0; i < 19; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String s = sb.toString();
            if (!s.toLowerCase(Locale.ROOT).matches(".*(?:test|demo|mock|admin|pass|secret|example|sample|dummy|fake|xxx).*")) {
                return s;
            }
        }
    }

    /** A user name no test shares. */
    public static String user(String stem) {
        return stem + "_" + password().substring(3, 9).toLowerCase(Locale.ROOT);
    }

    /** The credential the scanner reports for this password in this file, whichever rule finds it. */
    public static Credential credential(String path, String text, String password) {
        List<Finding> found = Detected.findings(path, text).stream()
                .filter(f -> f.secret().reveal().equals(password)).toList();
        assertThat(found).as("findings of the password in " + path).isNotEmpty();
        return Credential.of(found.get(0));
    }

    public static VerifyContext context(List<URI> connections) {
        return new VerifyContext(Endpoints.with(Map.of()), Duration.ofSeconds(10), connections::add);
    }

    /** A message or printed value shows none of these secrets. */
    public static void assertNoSecretIn(String shown, String... secrets) {
        for (String s : secrets) {
            assertThat(shown).doesNotContain(s);
        }
    }

    public static void assertNoSecretIn(String shown, Secret... secrets) {
        for (Secret s : secrets) {
            assertThat(shown).doesNotContain(s.reveal());
        }
    }
}
