package dev.secretsprawl.scan.accuracy;

import dev.secretsprawl.testing.SyntheticCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An accuracy corpus: templates under a corpus root that look like files of real repositories, with
 * planted credentials written as markers and filled in with synthetic values. Two roots exist:
 * {@code src/test/resources/corpus/} ({@link #ROOT}, the corpus the rules are tuned against) and
 * {@code src/test/resources/corpus-holdout/} ({@link #HOLDOUT_ROOT}, a held-out corpus nobody tunes
 * against, filled from its own seed).
 *
 * <p>A marker is {@code @@KIND@@} or {@code @@KIND|MODIFIER@@}. Modifiers plant the value encoded:
 * {@code base64}, {@code urlencode} (percent-encoding as in a URI), {@code json} (a JSON string body:
 * newlines become {@code \n}). A multi-line value (a PEM key) whose marker has only whitespace before it on
 * its line is indented to that column on every line, as in a YAML block scalar.
 */
final class Corpus {
    static final Path ROOT = Path.of("src", "test", "resources", "corpus");
    static final long SEED = 20240611L;
    static final Path HOLDOUT_ROOT = Path.of("src", "test", "resources", "corpus-holdout");
    static final long HOLDOUT_SEED = 20250305L;
    static final Pattern MARKER = Pattern.compile("@@([a-z0-9-]+)(?:\\|(base64|urlencode|json))?@@");

    /** One planted credential: where it is, what it is, the value as generated and as written. */
    record Plant(String file, int line, int endLine, String kind, String modifier, String value, String written) {
        String label() {
            return modifier == null ? kind : kind + "|" + modifier;
        }
    }

    /** A template with its markers replaced. */
    record CorpusFile(String path, String template, String text, List<Plant> plants) {
    }

    private Corpus() {
    }

    /** Every template of the tuned corpus, sorted by path. */
    static List<Path> templates() {
        return templates(ROOT);
    }

    /** Every template under {@code root}, sorted by path. */
    static List<Path> templates(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path template) {
        return relative(ROOT, template);
    }

    /** The path of {@code template} relative to {@code root}, with {@code /} separators. */
    static String relative(Path root, Path template) {
        return root.relativize(template).toString().replace('\\', '/');
    }

    /** Loads and fills every template of the tuned corpus with values from one generator seeded with {@link #SEED}. */
    static List<CorpusFile> load() {
        return load(ROOT, SEED);
    }

    /** Loads and fills every template of the held-out corpus, seeded with {@link #HOLDOUT_SEED}. */
    static List<CorpusFile> loadHoldout() {
        return load(HOLDOUT_ROOT, HOLDOUT_SEED);
    }

    /** Loads and fills every template under {@code root} with values from one generator seeded with {@code seed}. */
    static List<CorpusFile> load(Path root, long seed) {
        SyntheticCredentials credentials = new SyntheticCredentials(seed);
        List<CorpusFile> files = new ArrayList<>();
        for (Path template : templates(root)) {
            try {
                files.add(fill(relative(root, template), Files.readString(template, StandardCharsets.UTF_8), credentials));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static CorpusFile fill(String path, String template, SyntheticCredentials credentials) {
        StringBuilder out = new StringBuilder(template.length() * 2);
        List<Plant> plants = new ArrayList<>();
        Matcher m = MARKER.matcher(template);
        int last = 0;
        int line = 1;
        while (m.find()) {
            String before = template.substring(last, m.start());
            out.append(before);
            line += count(before, '\n');
            String kind = m.group(1);
            String modifier = m.group(2);
            String value = credentials.next(kind);
            String written = encode(value, modifier);
            if (written.indexOf('\n') >= 0) {
                String indent = indentBefore(out);
                if (indent != null && !indent.isEmpty()) {
                    written = written.replace("\n", "\n" + indent);
                }
            }
            out.append(written);
            int endLine = line + count(written, '\n');
            plants.add(new Plant(path, line, endLine, kind, modifier, value, written));
            line = endLine;
            last = m.end();
        }
        out.append(template.substring(last));
        return new CorpusFile(path, template, out.toString(), List.copyOf(plants));
    }

    private static String encode(String value, String modifier) {
        if (modifier == null) {
            return value;
        }
        return switch (modifier) {
            case "base64" -> Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            case "urlencode" -> URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            case "json" -> value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            default -> throw new IllegalArgumentException("unknown modifier " + modifier);
        };
    }

    /** The whitespace between the last newline and the end of {@code out}, or null if anything else is there. */
    private static String indentBefore(StringBuilder out) {
        int start = out.lastIndexOf("\n") + 1;
        String tail = out.substring(start);
        return tail.isBlank() ? tail : null;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
