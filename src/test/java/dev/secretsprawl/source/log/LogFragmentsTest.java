package dev.secretsprawl.source.log;

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

class LogFragmentsTest {
    private static final Map<String, String> PROPS = Map.of("job", "app", "build", "3");

    private static List<Fragment> read(String text, long expectedLines) throws IOException {
        RecordingSink sink = new RecordingSink();
        long lines = LogFragments.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "log", PROPS, sink, null);
        assertThat(lines).isEqualTo(expectedLines);
        return sink.fragments;
    }

    @Test
    void shouldPushASmallLogAsOneCleanedFragmentFromLineOne() throws IOException {
        List<Fragment> fragments = read("[2026-11-22T10:00:00.000Z] Started\n\u001b[32m+ make\u001b[0m\nFinished: SUCCESS", 3);
        assertThat(fragments).hasSize(1);
        Fragment f = fragments.get(0);
        assertThat(f.text()).isEqualTo("Started\nmake\nFinished: SUCCESS");
        assertThat(f.firstLine()).isEqualTo(1);
        assertThat(f.properties()).isEqualTo(PROPS);
        assertThat(f.columns().original(0, 1)).isEqualTo(28);          // after the timestamp
        assertThat(f.columns().original(1, 1)).isEqualTo(8);           // after the colour code and "+ "
        assertThat(read("", 0)).isEmpty();
    }

    @Test
    void shouldCutALargeLogIntoChunksThatRepeatTheirContextAndReportOnlyNewLines() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 40_000; i++) {
            log.append("step ").append(i).append(" of the build is running fine\n");
        }
        List<Fragment> fragments = read(log.toString(), 40_000);
        assertThat(fragments.size()).isGreaterThan(4);
        int reportedUpTo = 0;
        for (Fragment f : fragments) {
            int lines = (int) f.text().lines().count();
            int from = Math.max(f.firstLine(), f.reportFromLine());
            assertThat(from).as("each line reported by exactly one fragment").isEqualTo(reportedUpTo + 1);
            assertThat(f.firstLine()).isLessThanOrEqualTo(from).isGreaterThanOrEqualTo(from - LogFragments.CONTEXT_LINES);
            assertThat(f.text()).startsWith("step " + f.firstLine() + " ");
            assertThat(f.text().length()).isLessThanOrEqualTo(LogFragments.CHUNK_CHARS + 64 * 64);
            reportedUpTo = f.firstLine() + lines - 1;
        }
        assertThat(reportedUpTo).isEqualTo(40_000);
    }

    @Test
    void shouldScanAHugeSingleLineInPiecesAtTheirColumns() throws IOException {
        String line = "x".repeat(LogLines.MAX_LINE_BYTES + 100_000) + "\nnext\n";
        List<Fragment> fragments = read(line, 2);
        assertThat(fragments.stream().filter(f -> f.firstLine() == 1)).hasSizeGreaterThan(1);
        Fragment second = fragments.get(1);
        assertThat(second.firstLine()).isEqualTo(1);
        assertThat(second.columns().original(0, 1)).isEqualTo(fragments.get(0).text().length() + 1);
        assertThat(fragments.get(fragments.size() - 1).text()).isEqualTo("next");
        assertThat(fragments.stream().mapToInt(f -> f.text().length()).sum()).isEqualTo(line.length() - 2);
    }

    @Test
    void shouldStreamA64MegabyteLogInBoundedFragments() throws IOException {
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
        int[] count = {0};
        long lines = LogFragments.read(endless, "log", PROPS, new FragmentSink() {
            @Override
            public void accept(Fragment fragment) {
                assertThat(fragment.text().length()).isLessThanOrEqualTo(LogFragments.CHUNK_CHARS + 64 * 64);
                count[0]++;
            }

            @Override
            public void skipped(String reason, String path, String detail) {
            }

            @Override
            public void warn(String reason, String message) {
            }
        }, null);
        assertThat(lines).isEqualTo((total + line.length - 1) / line.length);   // the last line is cut short
        assertThat(count[0]).isGreaterThan(200);
    }
}
