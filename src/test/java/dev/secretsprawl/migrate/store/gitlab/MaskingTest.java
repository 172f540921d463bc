package dev.secretsprawl.migrate.store.gitlab;

import dev.secretsprawl.migrate.store.StoreMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** GitLab's masking rules and our description, as data. */
class MaskingTest {
    @ParameterizedTest
    @ValueSource(strings = {"abcdEFGH", "a1+b2/c3=", "user@host:8080", "v1.2~rc-3_x", "QUJDREVGR0hJSktMTU5PUA=="})
    void shouldMaskValuesGitLabCanMask(String value) {
        assertThat(Masking.allows(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short7c", "has space1", "two\nlines1", "dollar$sign", "quote'sign1", "hash#sign1", "pipe|sign1",
            "percent%20", "ümlautsabc", ""})
    void shouldNotMaskValuesGitLabWouldRefuse(String value) {
        assertThat(Masking.allows(value)).isFalse();
    }

    @Test
    void shouldKeepTheVersionWhenTheDescriptionIsCut() {
        StoreMetadata long_ = new StoreMetadata("x/".repeat(200) + ".env:3", "fp", "team", "m-1", Instant.EPOCH);

        String description = Descriptions.of(12, long_);

        assertThat(description).hasSizeLessThanOrEqualTo(Descriptions.MAX).startsWith("sprawl-version=12;");
        assertThat(Descriptions.version(description)).isEqualTo(12);
    }

    @Test
    void shouldCountAVariableWithoutOurMarkAsOneWrite() {
        assertThat(Descriptions.version("made by hand")).isEqualTo(1);
        assertThat(Descriptions.version("not-sprawl-version=5")).isEqualTo(1);
        assertThat(Descriptions.version("owner=x; sprawl-version=4")).isEqualTo(4);
    }
}
