package dev.secretsprawl.source.log;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogLinesTest {
    private static List<LogLines.Line> read(byte[] bytes) throws IOException {
        LogLines lines = new LogLines(new ByteArrayInputStream(bytes));
        List<LogLines.Line> out = new ArrayList<>();
        for (LogLines.Line l = lines.next(); l != null; l = lines.next()) {
            out.add(l);
        }
        return out;
    }

    @Test
    void shouldSplitOnNewlinesOnlyAndDropTheCarriageReturnOfCrlf() throws IOException {
        List<LogLines.Line> lines = read("one\r\ntwo\rstill two\nthree".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).extracting(LogLines.Line::text).containsExactly("one", "two\rstill two", "three");
        assertThat(lines).extracting(LogLines.Line::number).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldCutAnOverlongLineIntoPiecesOfOneLine() throws IOException {
        String longLine = "x".repeat(LogLines.MAX_LINE_BYTES * 2 + 10);
        List<LogLines.Line> lines = read((longLine + "\nnext\n").getBytes(StandardCharsets.UTF_8));
        assertThat(lines.stream().filter(l -> l.number() == 1)).hasSizeGreaterThan(1)
                .allSatisfy(l -> assertThat(l.text().length()).isLessThanOrEqualTo(LogLines.MAX_LINE_BYTES + (1 << 16)));
        assertThat(lines.stream().filter(l -> l.number() == 1).mapToInt(l -> l.text().length()).sum()).isEqualTo(longLine.length());
        assertThat(lines.get(lines.size() - 1)).isEqualTo(new LogLines.Line("next", 2, 1, true, true));
        LogLines.Line second = lines.get(1);
        assertThat(second.startColumn()).isEqualTo(lines.get(0).text().length() + 1);
    }

    @Test
    void shouldFlagLinesHoldingControlCharacters() throws IOException {
        List<LogLines.Line> lines = read("plain\ttext\n\u001b[1mbold\nC1\u009bx\nprogress\rbar\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).extracting(LogLines.Line::plain).containsExactly(true, false, false, false);
    }

    @Test
    void shouldReadInvalidUtf8WithoutFailing() throws IOException {
        List<LogLines.Line> lines = read(new byte[]{'a', (byte) 0xff, 'b', '\n'});
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).text()).startsWith("a").endsWith("b");
    }
}
