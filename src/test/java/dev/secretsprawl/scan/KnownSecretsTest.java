package dev.secretsprawl.scan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class KnownSecretsTest {
    private static String found(KnownSecrets known, String text) {
        int[] hits = known.find(text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hits.length; i += 2) {
            out.append(text, hits[i], hits[i + 1]).append('|');
        }
        return out.toString();
    }

    @Test
    void shouldFindAGivenValueInsideBase64AtEveryAlignment() {
        KnownSecrets known = new KnownSecrets();
        String value = "s3cr3t-Value-42";
        known.give(new Secret(value));
        for (String before : new String[]{"", "u:", "ci:"}) {
            String encoded = Base64.getEncoder().encodeToString((before + value).getBytes(StandardCharsets.UTF_8));
            assertThat(known.find("Authorization: Basic " + encoded)).as(before).isNotEmpty();
        }
        assertThat(found(known, "x " + value + " y")).isEqualTo(value + "|");
    }

    @Test
    void shouldFindUrlAndJsonEscapedForms() {
        KnownSecrets known = new KnownSecrets();
        known.give(new Secret("pa ss/wo\"rd&1"));
        assertThat(found(known, "?p=pa+ss%2Fwo%22rd%261")).isEqualTo("pa+ss%2Fwo%22rd%261|");
        assertThat(found(known, "?p=pa%20ss%2Fwo%22rd%261")).isEqualTo("pa%20ss%2Fwo%22rd%261|");
        assertThat(found(known, "{\"p\":\"pa ss/wo\\\"rd&1\"}")).isEqualTo("pa ss/wo\\\"rd&1|");
    }

    @Test
    void shouldNotRememberShortLearnedValuesNorMatchOtherText() {
        KnownSecrets known = new KnownSecrets();
        assertThat(known.give(new Secret("abc"))).isFalse();
        assertThat(known.isEmpty()).isTrue();
        known.give(new Secret("abcdefgh"));
        assertThat(known.find("abcdefg abcdefghX")).containsExactly(8, 16);   // only the second holds the whole value
        assertThat(known.find("zzzzzzzzzzzz")).isEmpty();
    }
}
