package dev.secretsprawl.scan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrefilterTest {
    private final Prefilter prefilter = new Prefilter(List.of(
            List.of("ghp_"), List.of("password", "passwd"), List.of(), List.of("asswo")));

    @Test
    void shouldReportOnlyRulesWhoseKeywordOccurs() {
        assertThat(prefilter.candidates("token=ghp_abc").stream().boxed()).containsExactly(0, 2);
    }

    @Test
    void shouldMatchCaseInsensitivelyAndFindOverlappingKeywords() {
        assertThat(prefilter.candidates("DB_PASSWORD=x").stream().boxed()).containsExactly(1, 2, 3);
    }

    @Test
    void shouldAlwaysRunRulesWithoutKeywords() {
        assertThat(prefilter.candidates("nothing here").stream().boxed()).containsExactly(2);
    }

    @Test
    void shouldSurviveNonAsciiText() {
        assertThat(prefilter.candidates("pässwörd ünïcode passwd 🔑").stream().boxed()).containsExactly(1, 2);
    }
}
