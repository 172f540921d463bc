package dev.secretsprawl.migrate.rotate;

import dev.secretsprawl.scan.Secret;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedPasswordsTest {
    @Test
    void shouldMakeThirtyTwoLettersAndDigitsWithBothCasesAndADigit() {
        for (int i = 0; i < 200; i++) {
            Secret s = GeneratedPasswords.next();
            assertThat(s.reveal()).matches("[A-Za-z0-9]{32}").matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[0-9].*");
            assertThat(GeneratedPasswords.isGenerated(s)).isTrue();
            assertThat(s.toString()).doesNotContain(s.reveal());
        }
    }

    @Test
    void shouldNeverRepeatAValue() {
        Set<Secret> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(GeneratedPasswords.next())).isTrue();
        }
    }

    @Test
    void shouldNotTakeAValueWithQuotesForGenerated() {
        assertThat(GeneratedPasswords.isGenerated(new Secret("a'" + "b".repeat(30)))).isFalse();
    }
}
