package dev.secretsprawl.migrate.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(".sprawl/ledger.jsonl");
    }

    private Ledger threeRecords() throws Exception {
        Ledger ledger = Ledger.open(file());
        ledger.append("m-1", "DB_PASSWORD", Step.PLANNED, Map.of("secretHash", "ab12", "consumers", List.of(Map.of("path", ".env", "line", 3))));
        ledger.append("m-1", "DB_PASSWORD", Step.STORED, Map.of("version", 1));
        ledger.append("m-1", "DB_PASSWORD", Step.VALIDATED, Map.of("version", 1, "check", "read back"));
        return ledger;
    }

    @Test
    void shouldReadBackWhatWasAppendedWithAnUnbrokenChain() throws Exception {
        threeRecords();

        Ledger again = Ledger.open(file());

        assertThat(again.records()).extracting(LedgerRecord::step).containsExactly(Step.PLANNED, Step.STORED, Step.VALIDATED);
        assertThat(again.records().get(1).number("version")).isEqualTo(1);
        assertThat(again.records().get(1).prev()).isEqualTo(again.records().get(0).hash());
        assertThat(again.records().get(0).data().get("consumers")).asList().hasSize(1);
    }

    @Test
    void shouldKeepAppendingToAReopenedLedger() throws Exception {
        threeRecords();
        Ledger.open(file()).append("m-1", "DB_PASSWORD", Step.REWRITTEN, Map.of("replaced", 3));

        assertThat(Ledger.open(file()).records()).hasSize(4);
    }

    @Test
    void shouldNoticeAnEditedLine() throws Exception {
        threeRecords();
        List<String> lines = Files.readAllLines(file());
        lines.set(1, lines.get(1).replace("\"version\":1", "\"version\":2"));
        Files.write(file(), lines);

        assertThatThrownBy(() -> Ledger.open(file())).isInstanceOf(LedgerTamperedException.class)
                .hasMessageContaining("line 2").hasMessageContaining("does not match its hash");
    }

    @Test
    void shouldNoticeARemovedLine() throws Exception {
        threeRecords();
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        lines.remove(1);
        Files.write(file(), lines);

        assertThatThrownBy(() -> Ledger.open(file())).isInstanceOf(LedgerTamperedException.class).hasMessageContaining("line 2");
    }

    @Test
    void shouldNoticeALineRehashedByHandButOutOfChain() throws Exception {
        threeRecords();
        List<String> lines = new ArrayList<>(Files.readAllLines(file()));
        lines.add(lines.get(1));
        Files.write(file(), lines);

        assertThatThrownBy(() -> Ledger.open(file())).isInstanceOf(LedgerTamperedException.class).hasMessageContaining("line 4");
    }

    @Test
    void shouldDropAHalfWrittenLastLineLeftByACrash() throws Exception {
        threeRecords();
        Files.write(file(), "{\"seq\":4,\"at\":\"2026-".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

        Ledger ledger = Ledger.open(file());
        ledger.append("m-1", "DB_PASSWORD", Step.REWRITTEN, Map.of());

        assertThat(Ledger.open(file()).records()).extracting(LedgerRecord::step).endsWith(Step.VALIDATED, Step.REWRITTEN);
    }

    @Test
    void shouldNotWriteWhenOnlyReading() throws Exception {
        threeRecords();
        Files.write(file(), "{\"seq\":4,\"at\":\"2026-".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file());

        assertThat(Ledger.open(file()).records()).hasSize(3);
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void shouldTreatAMissingFileAsAnEmptyLedger() throws Exception {
        assertThat(Ledger.open(dir.resolve("none.jsonl")).records()).isEmpty();
    }

    /** An editor that strips the final newline must not make the next open (the gate's, in CI) delete a good record. */
    @Test
    void shouldKeepACompleteLastRecordThatLostItsNewline() throws Exception {
        threeRecords();
        String text = Files.readString(file());
        Files.writeString(file(), text.substring(0, text.length() - 1));

        assertThat(Ledger.open(file()).records()).hasSize(3);
        Ledger.open(file()).append("m-1", "DB_PASSWORD", Step.REWRITTEN, Map.of("replaced", 3));
        assertThat(Ledger.open(file()).records()).extracting(LedgerRecord::step).endsWith(Step.VALIDATED, Step.REWRITTEN);
    }

    /** A crash in the middle of an append leaves half a line: that record never happened and is cut off. */
    @Test
    void shouldDropAHalfWrittenLastRecord() throws Exception {
        threeRecords();
        String text = Files.readString(file());
        Files.writeString(file(), text.substring(0, text.length() - 20));

        assertThat(Ledger.open(file()).records()).extracting(LedgerRecord::step).containsExactly(Step.PLANNED, Step.STORED);
    }
}
