package dev.secretsprawl.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TextDecodingTest {
    @Test
    void shouldSeeANulByteAtAnyPositionWithinTheSniffedHead() {
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = new byte[length];
                Arrays.fill(bytes, (byte) 'a');
                bytes[at] = 0;
                assertThat(TextDecoding.looksBinary(bytes, length)).as("NUL at %d of %d", at, length).isTrue();
            }
        }
    }

    @Test
    void shouldTakeTextWithHighBytesAndNulsPastTheHeadForText() {
        byte[] utf8 = "caf\u00e9 \u20ac \u00ff\u0080 password".repeat(50).getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.looksBinary(utf8, utf8.length)).isFalse();
        byte[] lateNul = new byte[9000];
        Arrays.fill(lateNul, (byte) 'x');
        lateNul[8500] = 0;
        assertThat(TextDecoding.looksBinary(lateNul, lateNul.length)).isFalse();
        assertThat(TextDecoding.looksBinary(lateNul, 3)).isFalse();
    }

    @Test
    void shouldReadUtf16WithItsByteOrderMarkAsTextAndNormaliseItToUtf8() {
        byte[] utf16 = "\uFEFFtoken=abc\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextDecoding.looksBinary(utf16, utf16.length)).isFalse();
        assertThat(new String(TextDecoding.toUtf8(utf16), StandardCharsets.UTF_8)).isEqualTo("token=abc\n");
        byte[] bom8 = "\uFEFFx".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.toUtf8(bom8)).isEqualTo(new byte[]{'x'});
        byte[] plain = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.toUtf8(plain)).isSameAs(plain);
    }
}
