package dev.secretsprawl.scan;

import com.google.re2j.Pattern;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values that stand for a secret instead of being one: template references, documentation
 * placeholders, masked values and vendors' published example keys. Applies to every rule.
 */
final class PlaceholderFilter implements CandidateFilter {
    /** Template and variable references of CI systems, shells, Helm, Python, Ruby, ERB, Ansible... */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{|\\{\\{|\\}\\}|\\$\\(|%\\(\\w+\\)s|#\\{|<%|%>|\\{%|^\\$[A-Za-z_{]|^%[A-Za-z_]+%$"
                    + "|credentials\\(|^secrets\\.|^env\\.|^vars\\.|^params\\.|\\$env:");
    /** Wrapped placeholders: {@code <your-token>}, {@code [MASKED]}, {@code (redacted)}, {@code {auth_token}}. */
    private static final Pattern WRAPPED = Pattern.compile("^(<[^<>]*>|\\[[^\\[\\]]*\\]|\\([^()]*\\)|\\{[A-Za-z_][\\w.-]*\\})$");
    /** A value that opens with an angle-bracket placeholder, such as a CLI help text's {@code <Kennwort>]}. */
    private static final Pattern OPENS_WITH_PLACEHOLDER = Pattern.compile("^<[^<>]+>");
    /** Runs of filler characters that documentation uses for elided values ({@code eyJ2Ijoi...}). */
    private static final Pattern FILLER = Pattern.compile("(?i)xxxx|\\*\\*\\*|•••|…|\\.\\.\\.|####|0000000000");
    /** Whole values that are words, not secrets. */
    private static final Set<String> EXACT = Set.of(
            "password", "passwd", "secret", "token", "apikey", "api_key", "null", "none", "nil", "undefined",
            "true", "false", "empty", "string", "value", "default", "required", "optional", "hidden",
            "masked", "redacted", "not_set", "notset", "unset", "na", "n/a", "tbd", "mypassword", "yourpassword",
            "password123", "p@ssw0rd", "12345678", "123456789", "1234567890", "abcdefgh", "qwertyuiop");
    /** Words that mark an illustrative value when they appear anywhere in a short value. */
    private static final List<String> STOPWORDS = List.of(
            "example", "changeme", "change_me", "change-me", "changeit", "placeholder", "redacted", "dummy",
            "sample", "your_", "your-", "yourtoken", "yoursecret", "yourkey", "yourapikey", "replace_me",
            "replaceme", "replace-me", "insert_", "insert-", "insertyour", "notreal", "not_a_real", "not-a-real",
            "fake", "todo", "fixme", "foobar", "lorem", "ipsum", "[masked]", "[filtered]", "[secure]");
    /** Stopwords are checked on values up to this length; keys and certificates are long random text. */
    private static final int STOPWORD_MAX_LENGTH = 120;

    @Override
    public String name() {
        return "placeholder";
    }

    @Override
    public boolean rejects(Candidate c) {
        String value = c.secret().strip();
        if (value.isEmpty()) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (EXACT.contains(lower) || REFERENCE.matcher(value).find() || WRAPPED.matcher(value).matches()
                || OPENS_WITH_PLACEHOLDER.matcher(value).find()) {
            return true;
        }
        // vendors mark documentation values with EXAMPLE, even inside long tokens; by chance that is ~1e-10
        if (value.contains("EXAMPLE") || alphabetRun(lower)) {
            return true;
        }
        if (value.length() <= STOPWORD_MAX_LENGTH) {
            if (FILLER.matcher(value).find() || STOPWORDS.stream().anyMatch(word -> atWordEdge(lower, word))) {
                return true;
            }
            return fewDistinct(value);
        }
        return false;
    }

    /**
     * The word occurs at the start or end of the value or next to a non-alphanumeric character: a
     * placeholder is written as words ({@code my-fake-key}), while random tokens hold such letters by
     * chance in their middle ({@code ...gfAkeJ3...}, about one 36-character token in 14,000).
     */
    private static boolean atWordEdge(String lower, String word) {
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
            int end = at + word.length();
            if (at == 0 || end == lower.length() || !Character.isLetterOrDigit(lower.charAt(at - 1))
                    || !Character.isLetterOrDigit(lower.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    /** Eight or more consecutive letters or digits in order ({@code stuvwxyz}, {@code 23456789}): typed, not random. */
    private static boolean alphabetRun(String lower) {
        int run = 1;
        for (int i = 1; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean next = c == lower.charAt(i - 1) + 1 && Character.isLetterOrDigit(c);
            run = next ? run + 1 : 1;
            if (run >= 8) {
                return true;
            }
        }
        return false;
    }

    /** {@code aaaaaaaa}, {@code abababab}: too few distinct characters to be a credential. */
    private static boolean fewDistinct(String value) {
        return value.length() >= 6 && value.chars().distinct().count() <= 2;
    }
}
