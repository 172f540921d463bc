package dev.secretsprawl.cli;

import dev.secretsprawl.scan.ScanResult;
import dev.secretsprawl.scan.ScanStats;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanSessionTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ScanSession session = new ScanSession(
            new Console(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)),
            new EngineOptions(), new OutputOptions());

    @Test
    void shouldExitThreeWhenAnItemCouldNotBeScannedAndNothingWasFound() {
        ScanStats stats = new ScanStats();
        stats.scanned(10);
        stats.skipped("scan-error");
        ScanResult incomplete = new ScanResult("t", List.of(), List.of(), List.of(), List.of(), stats);
        assertThat(session.exitCode(incomplete)).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("incomplete");
    }

    @Test
    void shouldExitZeroOnACompleteCleanScan() {
        ScanStats stats = new ScanStats();
        stats.scanned(10);
        assertThat(session.exitCode(new ScanResult("t", List.of(), List.of(), List.of(), List.of(), stats))).isZero();
    }
}
