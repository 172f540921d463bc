import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Generates a large CI console log for bench/mask.sh: Jenkins timestamper prefixes, [Pipeline] lines,
 * Maven and npm output with ANSI colours, set -x traces, docker builds, JSON log lines, stack traces,
 * and the credential words (token, password, secret, key) in harmless context on about one line in
 * 25 (or on about half of the lines with --dense, a worst case). Deterministic (fixed seed). About once per 4,000 lines a synthetic GitHub token with a valid checksum is printed: plain,
 * in an export, split by a colour code, or base64-encoded in a basic-auth header.
 *
 * Usage: java bench/GenerateLog.java FILE MEGABYTES [--dense]     (prints the number of planted tokens)
 */
public class GenerateLog {
    private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String ESC = "\u001b";
    private static final String[] ARTIFACTS = {"commons-lang3", "jackson-databind", "guava", "slf4j-api", "netty-handler",
            "spring-core", "junit-jupiter-api", "byte-buddy", "httpclient5", "postgresql"};
    private static final String[] WORDS = {"config", "user", "service", "request", "handler", "invoice", "report",
            "search", "upload", "session", "cache", "order", "deploy", "build", "module"};
    /** Credential words appear in real logs too (bound credentials, masked exports), just not on most lines. */
    private static final String[] CREDENTIAL_WORDS = {"token", "password", "secret", "key"};

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        boolean dense = args.length > 2 && args[2].equals("--dense");
        Random r = new Random(20261122);
        long written = 0;
        long line = 0;
        int planted = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < target) {
                String text = line % 4000 == 3999 ? planted(r, planted++) : line(r, line, dense);
                String stamped = "[2026-11-22T" + two(line / 3_600_000 % 24) + ":" + two(line / 60_000 % 60) + ":"
                        + two(line / 1000 % 60) + "." + three(line % 1000) + "Z] " + text;
                out.write(stamped);
                out.write('\n');
                written += stamped.length() + 1;
                line++;
            }
        }
        System.out.println(planted);
    }

    private static String line(Random r, long n, boolean dense) {
        String[] words = dense || r.nextInt(25) == 0 ? CREDENTIAL_WORDS : WORDS;
        String a = words[r.nextInt(words.length)];
        String b = WORDS[r.nextInt(WORDS.length)];
        String artifact = ARTIFACTS[r.nextInt(ARTIFACTS.length)];
        int kind = r.nextInt(14);
        if ((kind == 10 || kind == 11) && !dense && r.nextInt(10) > 0) {
            kind = 12;    // Jenkins prints these once per credentials block, not every few lines
        }
        return switch (kind) {
            case 0 -> "[" + ESC + "[1;34mINFO" + ESC + "[m] Downloading from central: https://repo.maven.apache.org/maven2/org/acme/"
                    + artifact + "/" + r.nextInt(9) + "." + r.nextInt(20) + "/" + artifact + ".pom";
            case 1 -> "[" + ESC + "[1;34mINFO" + ESC + "[m] Downloaded from central: https://repo.maven.apache.org/maven2/org/acme/"
                    + artifact + ".jar (" + r.nextInt(900) + " kB at " + r.nextInt(9000) + " kB/s)";
            case 2 -> "[" + ESC + "[1;34mINFO" + ESC + "[m] Tests run: " + r.nextInt(80) + ", Failures: 0, Errors: 0, Skipped: "
                    + r.nextInt(3) + ", Time elapsed: 0." + r.nextInt(999) + " s - in com.acme." + cap(a) + cap(b) + "Test";
            case 3 -> "[Pipeline] " + (r.nextBoolean() ? "sh" : "}");
            case 4 -> "+ curl -fsSL -o /tmp/" + a + ".tgz https://downloads.acme.internal/" + b + "/" + n + ".tgz";
            case 5 -> "npm WARN deprecated " + artifact + "@" + r.nextInt(9) + ".0.1: this version is no longer supported";
            case 6 -> "Step " + r.nextInt(12) + "/12 : RUN ./gradlew " + a + " --no-daemon";
            case 7 -> " ---> " + hex(r, 12) + "   sha256:" + hex(r, 64);
            case 8 -> "{\"ts\":\"2026-11-22T10:00:00Z\",\"level\":\"info\",\"msg\":\"" + a + " " + b + " completed\",\"duration_ms\":"
                    + r.nextInt(500) + ",\"request_id\":\"" + hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 12) + "\"}";
            case 9 -> "\tat com.acme." + cap(a) + "." + b + "(" + cap(a) + ".java:" + r.nextInt(400) + ")";
            case 10 -> "Using credentials '" + a + "-" + b + "' from the credential store; masking supported pattern matches of $"
                    + a.toUpperCase() + "_" + b.toUpperCase();
            case 11 -> "+ export " + a.toUpperCase() + "_" + b.toUpperCase() + "=****";
            case 12 -> ESC + "[32m✔" + ESC + "[0m " + a + " " + b + " ok (" + r.nextInt(90) + " ms)";
            default -> "[" + ESC + "[1;33mWARNING" + ESC + "[m] The " + a + " " + b + " is deprecated; see https://docs.acme.internal/" + a;
        };
    }

    private static String planted(Random r, int i) {
        String token = githubToken(r);
        return switch (i % 4) {
            case 0 -> "+ export GITHUB_TOKEN=" + token;
            case 1 -> "Cloning with token " + token.substring(0, 12) + ESC + "[0m" + token.substring(12);
            case 2 -> "+ curl -H 'Authorization: Basic "
                    + Base64.getEncoder().encodeToString(("ci:" + token).getBytes(StandardCharsets.UTF_8)) + "' https://api.acme.internal";
            default -> "token=" + token;
        };
    }

    private static String githubToken(Random r) {
        StringBuilder random = new StringBuilder(30);
        for (int i = 0; i < 30; i++) {
            random.append(B62.charAt(r.nextInt(62)));
        }
        CRC32 crc = new CRC32();
        crc.update(random.toString().getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        StringBuilder sum = new StringBuilder();
        while (v > 0) {
            sum.append(B62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (sum.length() < 6) {
            sum.append('0');
        }
        return "ghp_" + random + sum.reverse();
    }

    private static String hex(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return sb.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    private static String three(long v) {
        return String.format("%03d", v);
    }
}
