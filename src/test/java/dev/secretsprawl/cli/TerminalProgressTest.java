package dev.secretsprawl.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "files");

    @Test
    void shouldDrawOneRewritableLineWithCountsSizeRateAndFindings() {
        progress.progress(1234, 5L * 1024 * 1024, 1, () -> "");
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\r").contains("1,234 files").contains("5.0 MB").contains("MB/s").endsWith("1 finding")
                .doesNotContain("\n");
    }

    @Test
    void shouldPutTheSourcesOwnWordsFirstAndPadOverALongerPreviousLine() throws InterruptedException {
        progress.progress(3, 30, 0, () -> "12,000 commits");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r12,000 commits, 3 files");
        Thread.sleep(250);
        bytes.reset();
        progress.progress(4, 40, 0, () -> "");
        String second = bytes.toString(StandardCharsets.UTF_8);
        assertThat(second).startsWith("\r4 files").endsWith(" ".repeat("12,000 commits, ".length()));
    }

    @Test
    void shouldThrottleRedrawsAndClearTheLineAtTheEnd() {
        progress.progress(1, 10, 0, () -> "");
        progress.progress(2, 20, 0, () -> "");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1 files").doesNotContain("2 files");
        progress.clear();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r");
    }

    @Test
    void shouldPrintNothingWhenNeverDrawn() {
        progress.clear();
        assertThat(bytes.size()).isZero();
    }
}
