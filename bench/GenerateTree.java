import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Generates a large tree of mixed source and config files for bench/scan-dir.sh. Deterministic (fixed
 * seed). One file in 250 carries a synthetic GitHub token with a valid checksum, so the scan has work
 * to report; everything else is ordinary code and config, including the words (password, token,
 * secret, key) that wake the generic rules' prefilter; literal config values sit under non-credential keys.
 *
 * Usage: java bench/GenerateTree.java DIR MEGABYTES
 */
public class GenerateTree {
    private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String[] EXT = {"java", "js", "py", "yml", "json", "properties", "md", "xml", "sh", "go", "tf", "env"};
    /** Keys for literal config values: the credential words stay in code, comments and references. */
    private static final String[] CONFIG_KEYS = {"timeout", "replicas", "region", "log_level", "pool_size", "owner", "tier"};
    private static final String[] WORDS = {"config", "user", "service", "request", "handler", "value", "result", "client",
            "token", "password", "secret", "key", "session", "cache", "order", "payment", "deploy", "build", "module"};

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        Random random = new Random(20261122);
        long written = 0;
        int files = 0;
        int planted = 0;
        while (written < target) {
            String ext = EXT[files % EXT.length];
            Path file = root.resolve("svc" + (files % 97)).resolve("pkg" + (files % 13)).resolve("f" + files + "." + ext);
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder(12_000);
            int lines = 150 + random.nextInt(250);
            for (int i = 0; i < lines; i++) {
                text.append(line(ext, random)).append('\n');
            }
            if (files % 250 == 0) {
                text.append("GITHUB_TOKEN=").append(githubToken(random)).append('\n');
                planted++;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            written += bytes.length;
            files++;
        }
        System.out.printf("generated %d files, %.1f MB, %d planted tokens in %s%n", files, written / 1048576.0, planted, root);
    }

    private static String line(String ext, Random r) {
        String a = WORDS[r.nextInt(WORDS.length)];
        String b = WORDS[r.nextInt(WORDS.length)];
        int n = r.nextInt(10_000);
        return switch (r.nextInt(8)) {
            case 0 -> "  " + a + "_" + b + " = " + (ext.equals("py") ? "os.environ[\"" + a.toUpperCase() + "\"]" : "\"${" + a.toUpperCase() + "}\"");
            case 1 -> "  // compute the " + a + " of the " + b + " for request " + n + " and cache it for later use";
            case 2 -> "  private final " + cap(a) + cap(b) + " " + a + cap(b) + " = new " + cap(a) + cap(b) + "(" + n + ");";
            case 3 -> "  " + CONFIG_KEYS[r.nextInt(CONFIG_KEYS.length)] + ": " + b + "-" + n + "   # tuned in release " + (n % 40);
            case 4 -> "  if (" + a + ".isEmpty() || " + b + " == null) { return " + a + "." + b + "(" + n + "); }";
            case 5 -> "  \"" + a + "\": {\"" + b + "\": " + n + ", \"enabled\": true, \"url\": \"https://" + a + ".internal/" + b + "\"}";
            case 6 -> "  sha256:" + hex(r, 64) + "  " + a + "-" + b + ".tar.gz";
            default -> "  log.info(\"" + a + " " + b + " finished in {} ms\", " + n + ");";
        };
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String hex(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return s.toString();
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
}
