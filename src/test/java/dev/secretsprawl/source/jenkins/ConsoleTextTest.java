package dev.secretsprawl.source.jenkins;

import dev.secretsprawl.scan.Fragment;
import dev.secretsprawl.scan.FragmentSink;
import dev.secretsprawl.testing.RecordingSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTextTest {
    private static final Map<String, String> PROPS = Map.of("job", "app", "build", "3");

    private static RecordingSink read(String text, long expectedLines) throws IOException {
        RecordingSink sink = new RecordingSink();
        long lines = ConsoleText.fragments(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "log", PROPS, sink);
        assertThat(lines).isEqualTo(expectedLines);
        return sink;
    }

    @Test
    void shouldPushASmallLogAsOneFragmentFromLineOne() throws IOException {
        RecordingSink sink = read("Started by user admin\n+ make\nFinished: SUCCESS\n", 3);
        assertThat(sink.fragments).containsExactly(new Fragment("Started by user admin\n+ make\nFinished: SUCCESS\n", "log", 1, PROPS));
    }

    @Test
    void shouldCountALastLineWithoutNewline() throws IOException {
        assertThat(read("a\nb", 2).fragments).hasSize(1);
        assertThat(read("", 0).fragments).isEmpty();
    }

    @Test
    void shouldCutALargeLogAtLineEndsWithTheRightFirstLines() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 40_000; i++) {
            log.append("[2024-01-01T00:00:00Z] step ").append(i).append(" of the build is running fine\n");
        }
        List<Fragment> fragments = read(log.toString(), 40_000).fragments;

        assertThat(fragments.size()).isGreaterThan(4);
        int expectedLine = 1;
        StringBuilder joined = new StringBuilder();
        for (Fragment f : fragments) {
            assertThat(f.text()).endsWith("\n").hasSizeLessThanOrEqualTo(ConsoleText.CHUNK_CHARS + 64 * 1024);
            assertThat(f.firstLine()).isEqualTo(expectedLine);
            assertThat(f.text()).startsWith("[2024-01-01T00:00:00Z] step " + expectedLine + " ");
            expectedLine += (int) f.text().chars().filter(c -> c == '\n').count();
            joined.append(f.text());
        }
        assertThat(joined.toString()).isEqualTo(log.toString());
    }

    @Test
    void shouldCutAHugeSingleLineWithoutLosingText() throws IOException {
        String line = "x".repeat(ConsoleText.MAX_CHUNK_CHARS + 10) + "\nnext\n";
        List<Fragment> fragments = read(line, 2).fragments;

        assertThat(fragments).hasSize(2);
        assertThat(fragments.get(0).text()).hasSize(ConsoleText.MAX_CHUNK_CHARS);
        assertThat(fragments.get(1).firstLine()).isEqualTo(1);
        assertThat(fragments.get(0).text() + fragments.get(1).text()).isEqualTo(line);
    }

    @Test
    void shouldStreamA64MegabyteLogInBoundedFragments() throws IOException {
        // 64 MB that never exist at once; a sink that keeps nothing, so memory stays flat
        long total = 64L * 1024 * 1024;
        byte[] line = "+ ./gradlew build --info --stacktrace\n".getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                return served < total ? line[(int) (served++ % line.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served >= total) {
                    return -1;
                }
                int n = (int) Math.min(len, total - served);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) (served++ % line.length)];
                }
                return n;
            }
        };
        long[] chars = {0};
        int[] count = {0};
        ConsoleText.fragments(endless, "log", PROPS, new FragmentSink() {
            @Override
            public void accept(Fragment fragment) {
                assertThat(fragment.text().length()).isLessThanOrEqualTo(ConsoleText.CHUNK_CHARS + 64 * 1024);
                chars[0] += fragment.text().length();
                count[0]++;
            }

            @Override
            public void skipped(String reason, String path, String detail) {
            }

            @Override
            public void warn(String reason, String message) {
            }
        });
        assertThat(chars[0]).isEqualTo(total);
        assertThat(count[0]).isGreaterThan(200);
    }
}
