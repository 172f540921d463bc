package dev.secretsprawl.migrate.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a credential after the variable a file assigns it to ({@code DB_PASSWORD=...},
 * {@code spring.datasource.password: ...}, {@code "apiKey": "..."}), in the UPPER_SNAKE form every store and
 * CI system accepts ({@code SPRING_DATASOURCE_PASSWORD}, {@code API_KEY}).
 */
public final class CredentialNames {
    /** A key right before the value: {@code KEY=}, {@code KEY:}, {@code "KEY": "}, {@code KEY = '}, {@code <KEY>}. */
    private static final Pattern KEY_BEFORE = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.\\-]*)[\"']?\\s*(?:=|:|=>|>)\\s*[\"']?$");
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private CredentialNames() {
    }

    /** The variable the value at COLUMN (1-based) of LINE is assigned to, if any. */
    public static Optional<String> variableBefore(String line, int column) {
        int end = Math.max(0, Math.min(line.length(), column - 1));
        Matcher m = KEY_BEFORE.matcher(line.substring(0, end));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code spring.datasource.password} → {@code SPRING_DATASOURCE_PASSWORD}, {@code apiKey} → {@code API_KEY}. */
    public static String normalise(String variable) {
        String snake = CAMEL.matcher(variable).replaceAll("$1_$2");
        String upper = snake.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (upper.isEmpty()) {
            return "SECRET";
        }
        if (Character.isDigit(upper.charAt(0)) || upper.startsWith("GITHUB_")) {
            upper = "SPRAWL_" + upper;
        }
        return upper;
    }

    /** A name for a value no variable names (inside a URL): after its issuer ({@code POSTGRES_PASSWORD}). */
    public static String fromIssuer(String issuer, String ruleId) {
        String base = issuer == null || issuer.isEmpty() || "generic".equals(issuer) ? ruleId : issuer;
        String n = normalise(base);
        return n.matches(".*(PASSWORD|TOKEN|SECRET|KEY)$") ? n : n + "_SECRET";
    }
}
