package dev.secretsprawl.source.git;

import dev.secretsprawl.source.git.AddedLines.Hunk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AddedLinesTest {
    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void shouldReportEveryLineOfANewFileAsOneHunk() {
        List<Hunk> hunks = AddedLines.hunks("a\nb\nc\n", List.of());
        assertThat(hunks).containsExactly(new Hunk("a\nb\nc", 1, 1));
    }

    @Test
    void shouldReportOnlyTheInsertedLineWithItsContextAndLineNumbers() {
        String old = lines(1, 10);
        String changed = old.replace("line 6\n", "line 6\ninserted\n");
        List<Hunk> hunks = AddedLines.hunks(changed, List.of(old));
        assertThat(hunks).containsExactly(new Hunk("line 4\nline 5\nline 6\ninserted", 4, 7));
    }

    @Test
    void shouldFindNothingWhenLinesOnlyMoveOrDisappear() {
        String old = "alpha\nbeta\ngamma\ndelta\n";
        assertThat(AddedLines.hunks("delta\nalpha\ngamma\n", List.of(old))).isEmpty();
        assertThat(AddedLines.hunks(old, List.of(old))).isEmpty();
        assertThat(AddedLines.hunks("", List.of(old))).isEmpty();
    }

    @Test
    void shouldSplitSeparateEditsIntoHunksWhoseContextNeverRepeatsAnEarlierHunk() {
        String old = lines(1, 20);
        String changed = old.replace("line 2\n", "new A\n").replace("line 4\n", "new B\n").replace("line 15\n", "new C\n");
        List<Hunk> hunks = AddedLines.hunks(changed, List.of(old));
        assertThat(hunks).extracting(Hunk::firstAddedLine).containsExactly(2, 4, 15);
        assertThat(hunks.get(1)).isEqualTo(new Hunk("line 3\nnew B", 3, 4));
        assertThat(hunks.get(2).text()).isEqualTo("line 12\nline 13\nline 14\nnew C");
    }

    @Test
    void shouldKeepBlankLinesInsideAHunkAndNeverCountThemAsAdded() {
        String old = "a\nb\n";
        assertThat(AddedLines.hunks("a\nb\n\n\n", List.of(old))).isEmpty();
        List<Hunk> hunks = AddedLines.hunks("a\nb\nx\n\ny\n", List.of(old));
        assertThat(hunks).containsExactly(new Hunk("a\nb\nx\n\ny", 1, 3));
    }

    @Test
    void shouldTreatCrlfAndLfVersionsOfALineAsTheSameLine() {
        assertThat(AddedLines.hunks("a\r\nb\r\n", List.of("a\nb\n"))).isEmpty();
    }

    @Test
    void shouldCountALineAsOldWhenAnyParentOfAMergeHasIt() {
        List<Hunk> hunks = AddedLines.hunks("from left\nfrom right\nresolved\n", List.of("from left\n", "from right\n"));
        assertThat(hunks).containsExactly(new Hunk("from left\nfrom right\nresolved", 1, 3));
    }

    @Test
    void shouldSeeAnEditInTheMiddleOfLinesThatRepeatInTheUnchangedHeadAndTail() {
        String old = "x\nx\nx\nx\n";
        List<Hunk> hunks = AddedLines.hunks("x\nx\nsecret\nx\nx\n", List.of(old));
        assertThat(hunks).extracting(Hunk::firstAddedLine).containsExactly(3);
    }

    @Test
    void shouldHandleAFileWithoutAFinalNewline() {
        List<Hunk> hunks = AddedLines.hunks("a\nb", List.of("a\n"));
        assertThat(hunks).containsExactly(new Hunk("a\nb", 1, 2));
        assertThat(AddedLines.hunks("a\nb\n", List.of("a\nb"))).isEmpty();
    }

    @Test
    void shouldFindTheCommonHeadAndTailOnLineBoundaries() {
        assertThat(AddedLines.commonHeadLines(b("abc\ndef\n"), b("abc\ndxf\n"))).isEqualTo(4);
        assertThat(AddedLines.commonHeadLines(b("same\n"), b("same\n"))).isEqualTo(5);
        assertThat(AddedLines.commonHeadLines(b("a\nb"), b("a\nb\nc"))).isEqualTo(2);
        assertThat(AddedLines.commonTailLines(b("abc\ndef\n"), b("xbc\ndef\n"), 0)).isEqualTo(4);
        assertThat(AddedLines.commonTailLines(b("ab\n"), b("b\n"), 0)).isEqualTo(0);
    }

    private static byte[] b(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldReportLinesOfAUtf16FileOnceItIsNormalisedToUtf8() {
        String text = "x=1\npassword=Zq9\u00e9k\n";
        byte[] utf16 = ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        List<Hunk> hunks = AddedLines.hunks(dev.secretsprawl.source.TextDecoding.toUtf8(utf16), List.of(b("x=1\n")));
        assertThat(hunks).containsExactly(new Hunk("x=1\npassword=Zq9\u00e9k", 1, 2));
    }

    @Test
    void shouldHashLinesThatDifferInOneByteDifferently() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        String base = "password=abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < base.length(); i++) {
            byte[] line = b(base);
            line[i] ^= 1;
            seen.add(AddedLines.hash(line, 0, line.length));
        }
        assertThat(seen).hasSize(base.length());
    }

    @Test
    void shouldKeepAManyLineSetCorrectThroughGrowth() {
        AddedLines.LineHashSet set = new AddedLines.LineHashSet();
        for (long i = -5000; i < 5000; i++) {
            set.add(i * 7919);
        }
        for (long i = -5000; i < 5000; i++) {
            assertThat(set.contains(i * 7919)).isTrue();
            assertThat(set.contains(i * 7919 + 1)).isFalse();
        }
    }
}
