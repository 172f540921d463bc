package dev.secretsprawl.source.log;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineCleanerTest {
    private static final String ESC = "\u001b";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GitHub Actions timestamp       | 2026-11-22T10:15:30.1234567Z export A=1             | export A=1
            GitLab trace with stream       | 2026-11-22T10:15:30.123456Z 00O export A=1          | export A=1
            GitLab continued line          | 2026-11-22T10:15:30.123456Z 01E+export A=1          | 2026-11-22T10:15:30.123456Z 01E+export A=1
            GitLab continued line, spaced  | 2026-11-22T10:15:30.123456Z 01E+ export A=1         | export A=1
            Jenkins timestamper ISO        | [2026-11-22T10:15:30.123Z] export A=1               | export A=1
            Jenkins timestamper clock      | 10:15:30 export A=1                                 | export A=1
            Jenkins timestamper bracketed  | [10:15:30.123] export A=1                           | export A=1
            offset zone                    | 2026-11-22 10:15:30,123+01:00 export A=1            | export A=1
            Pipeline tag                   | [Pipeline] sh                                       | sh
            set -x                         | + export A=1                                        | export A=1
            nested set -x after timestamp  | [2026-11-22T10:15:30.123Z] +++ export A=1           | export A=1
            not a prefix                   | 2026 builds and counting                            | 2026 builds and counting
            Maven tag is kept              | [INFO] BUILD SUCCESS                                | [INFO] BUILD SUCCESS
            """)
    void shouldSkipLinePrefixes(String dialect, String line, String expected) {
        assertThat(LogLineCleaner.clean(line).text()).isEqualTo(expected);
    }

    @Test
    void shouldRemoveColoursCursorMovesAndHyperlinks() {
        String line = ESC + "[1;34mINFO" + ESC + "[m " + ESC + "[2K" + ESC + "[1Aexport " + ESC + "]8;;https://x.example" + ESC
                + "\\A=1" + ESC + "]8;;" + ESC + "\\" + ESC + "(B";
        assertThat(LogLineCleaner.clean(line).text()).isEqualTo("INFO export A=1");
    }

    @Test
    void shouldJoinASecretSplitByAColourCodeAndMapItBack() {
        String line = "token ghp_abc" + ESC + "[0mdef";
        CleanLine clean = LogLineCleaner.clean(line);
        assertThat(clean.text()).isEqualTo("token ghp_abcdef");
        int d = clean.text().indexOf('d');
        assertThat(line.charAt(clean.originalIndex(d))).isEqualTo('d');
        assertThat(clean.originalIndex(d)).isEqualTo(line.indexOf("def"));
    }

    @Test
    void shouldDropJenkinsConsoleNotesWhole() {
        String note = ESC + "[8mha:////4AAAAABbase64serializedannotation==" + ESC + "[0m";
        assertThat(LogLineCleaner.clean(note + "[Pipeline] sh").text()).isEqualTo("sh");
    }

    @Test
    void shouldDropGitLabSectionMarkersAndKeepInlineCarriageReturnsAsSpaces() {
        String section = "section_start:1732270530:build_script[collapsed=true]\r" + ESC + "[0K" + ESC + "[36;1mRunning build" + ESC + "[0;m";
        assertThat(LogLineCleaner.clean(section).text()).isEqualTo("Running build");
        assertThat(LogLineCleaner.clean("10%\r50%\r100%").text()).isEqualTo("10% 50% 100%");
    }

    @Test
    void shouldMapColumnsPastAStrippedTimestamp() {
        String line = "2026-11-22T10:15:30.1234567Z export A=1";
        CleanLine clean = LogLineCleaner.clean(line);
        assertThat(clean.origin()).isNull();
        assertThat(line.charAt(clean.originalIndex(clean.text().indexOf('A')))).isEqualTo('A');
    }
}
