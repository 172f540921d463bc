package dev.secretsprawl.migrate.store.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sealed box against libsodium: sealed-box-vector.json holds a box libsodium made, which our open must
 * read, and a box our seal made with a fixed ephemeral scalar, which libsodium opened (see its "about").
 */
class SealedBoxTest {
    private static final HexFormat HEX = HexFormat.of();

    /** crypto_box_seal_open, written here from the same primitives so the test can read what seal wrote. */
    static byte[] open(byte[] sealed, byte[] recipientPublic, byte[] recipientScalar) {
        byte[] ephemeralPublic = Arrays.copyOfRange(sealed, 0, 32);
        byte[] tag = Arrays.copyOfRange(sealed, 32, 48);
        byte[] cipher = Arrays.copyOfRange(sealed, 48, sealed.length);
        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(false, new ParametersWithIV(new KeyParameter(SealedBox.boxKey(recipientScalar, ephemeralPublic)),
                SealedBox.nonce(ephemeralPublic, recipientPublic)));
        byte[] macKey = new byte[32];
        stream.processBytes(new byte[32], 0, 32, macKey, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(cipher, 0, cipher.length);
        byte[] expected = new byte[16];
        mac.doFinal(expected, 0);
        if (!MessageDigest.isEqual(expected, tag)) {
            throw new IllegalStateException("the sealed box does not authenticate");
        }
        byte[] plain = new byte[cipher.length];
        stream.processBytes(cipher, 0, cipher.length, plain, 0);
        return plain;
    }

    private static JsonNode vector() throws IOException {
        try (InputStream in = SealedBoxTest.class.getResourceAsStream("sealed-box-vector.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static byte[] hex(JsonNode vector, String field) {
        return HEX.parseHex(vector.path(field).asText());
    }

    @Test
    void shouldOpenABoxSealedByLibsodium() throws IOException {
        JsonNode v = vector();
        assertThat(open(hex(v, "sealedByLibsodium"), hex(v, "recipientPublic"), hex(v, "recipientScalar")))
                .isEqualTo(hex(v, "message"));
    }

    @Test
    void shouldSealExactlyTheBoxLibsodiumOpened() throws IOException {
        JsonNode v = vector();
        assertThat(SealedBox.seal(hex(v, "javaMessage"), hex(v, "recipientPublic"), hex(v, "javaEphemeralScalar")))
                .isEqualTo(hex(v, "javaSealOpenedByLibsodium"));
    }

    @Test
    void shouldRoundTripWithAFreshEphemeralKeyEachTime() {
        SecureRandom random = new SecureRandom();
        byte[] scalar = new byte[32];
        X25519.generatePrivateKey(random, scalar);
        byte[] publicKey = new byte[32];
        X25519.generatePublicKey(scalar, 0, publicKey, 0);
        byte[] message = new byte[100];
        random.nextBytes(message);

        byte[] first = SealedBox.seal(message, publicKey);
        byte[] second = SealedBox.seal(message, publicKey);

        assertThat(first).hasSize(message.length + SealedBox.OVERHEAD).isNotEqualTo(second);
        assertThat(open(first, publicKey, scalar)).isEqualTo(message);
        assertThat(open(second, publicKey, scalar)).isEqualTo(message);
    }

    @Test
    void shouldNotOpenATamperedBox() {
        byte[] scalar = new byte[32];
        X25519.generatePrivateKey(new SecureRandom(), scalar);
        byte[] publicKey = new byte[32];
        X25519.generatePublicKey(scalar, 0, publicKey, 0);
        byte[] sealed = SealedBox.seal(new byte[] {1, 2, 3, 4}, publicKey);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> open(sealed, publicKey, scalar)).hasMessageContaining("does not authenticate");
    }

    @Test
    void shouldRefuseAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> SealedBox.seal(new byte[1], new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
