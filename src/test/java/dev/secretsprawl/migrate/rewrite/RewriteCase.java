package dev.secretsprawl.migrate.rewrite;

import dev.secretsprawl.testing.SyntheticCredentials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic file of one type, with synthetic values planted at run time where its template says
 * {@code {{KEY}}}, and what the rewritten file must hold.
 *
 * @param fileType    the rewriter {@link Rewriters#forPath} must pick for the path
 * @param planted     placeholder key → the value planted there and its credential NAME
 * @param expected    lines (stripped) the rewritten file must hold
 * @param addedLines  lines the rewriter adds besides changing the spots' lines (environment, ARG)
 * @param pointer     a JSON pointer into the parsed YAML/JSON result and the value it must hold, or null
 */
record RewriteCase(String label, String path, String fileType, String template, Map<String, Planted> planted,
                   List<String> expected, int addedLines, String pointer, String pointerValue) {
    /** A planted value and the credential it is migrated to. */
    record Planted(String value, String name) {
    }

    private static final SyntheticCredentials VALUES = new SyntheticCredentials(6);
    /** One PostgreSQL password shared by the .env, Jenkinsfile and workflow trio. */
    static final String SHARED_DB_PASSWORD = VALUES.next("password");

    static Planted plant(String kind, String name) {
        return new Planted(VALUES.next(kind), name);
    }

    static Planted shared(String name) {
        return new Planted(SHARED_DB_PASSWORD, name);
    }

    static Map<String, Planted> one(Planted value) {
        return Map.of("V", value);
    }

    static Map<String, Planted> two(Planted a, Planted b) {
        Map<String, Planted> map = new LinkedHashMap<>();
        map.put("A", a);
        map.put("B", b);
        return map;
    }

    String text() {
        String text = template;
        for (Map.Entry<String, Planted> e : planted.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue().value());
        }
        return text;
    }

    String nameOf(String value) {
        return planted.values().stream().filter(p -> p.value().equals(value)).map(Planted::name).findFirst()
                .orElseThrow(() -> new AssertionError(label + ": the scanner found a value the case did not plant"));
    }

    @Override
    public String toString() {
        return label; // parameterized test names: never the planted values
    }
}
