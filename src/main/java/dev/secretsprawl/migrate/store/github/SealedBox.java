package dev.secretsprawl.migrate.store.github;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.util.Pack;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * libsodium's {@code crypto_box_seal}, which GitHub requires for Actions secrets: a fresh X25519 key pair per
 * message, nonce = BLAKE2b-192(ephemeral public key || recipient public key), then {@code crypto_box}
 * (X25519 + HSalsa20 key, XSalsa20 stream, Poly1305 tag). Output: ephemeral public key (32) || tag (16) ||
 * ciphertext. Checked against libsodium itself by a committed known-answer vector (see SealedBoxTest).
 */
final class SealedBox {
    static final int KEY_BYTES = 32;
    static final int OVERHEAD = KEY_BYTES + 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private SealedBox() {
    }

    static byte[] seal(byte[] message, byte[] recipientPublic) {
        byte[] ephemeralScalar = new byte[KEY_BYTES];
        X25519.generatePrivateKey(RANDOM, ephemeralScalar);
        try {
            return seal(message, recipientPublic, ephemeralScalar);
        } finally {
            Arrays.fill(ephemeralScalar, (byte) 0);
        }
    }

    /** With a given ephemeral scalar: only tests fix it, to compare with a box libsodium opened. */
    static byte[] seal(byte[] message, byte[] recipientPublic, byte[] ephemeralScalar) {
        if (recipientPublic.length != KEY_BYTES) {
            throw new IllegalArgumentException("a Curve25519 public key has 32 bytes, not " + recipientPublic.length);
        }
        byte[] ephemeralPublic = new byte[KEY_BYTES];
        X25519.generatePublicKey(ephemeralScalar, 0, ephemeralPublic, 0);
        byte[] key = boxKey(ephemeralScalar, recipientPublic);
        byte[] out = new byte[OVERHEAD + message.length];
        System.arraycopy(ephemeralPublic, 0, out, 0, KEY_BYTES);
        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(true, new ParametersWithIV(new KeyParameter(key), nonce(ephemeralPublic, recipientPublic)));
        byte[] macKey = new byte[KEY_BYTES];
        stream.processBytes(new byte[KEY_BYTES], 0, KEY_BYTES, macKey, 0);
        stream.processBytes(message, 0, message.length, out, OVERHEAD);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(macKey));
        mac.update(out, OVERHEAD, message.length);
        mac.doFinal(out, KEY_BYTES);
        Arrays.fill(key, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
        return out;
    }

    /** The sealed box nonce: BLAKE2b with a 24-byte output over both public keys. */
    static byte[] nonce(byte[] ephemeralPublic, byte[] recipientPublic) {
        Blake2bDigest blake = new Blake2bDigest(24 * 8);
        blake.update(ephemeralPublic, 0, KEY_BYTES);
        blake.update(recipientPublic, 0, KEY_BYTES);
        byte[] nonce = new byte[24];
        blake.doFinal(nonce, 0);
        return nonce;
    }

    /** {@code crypto_box_beforenm}: HSalsa20 over the X25519 shared secret and 16 zero bytes. */
    static byte[] boxKey(byte[] scalar, byte[] peerPublic) {
        byte[] shared = new byte[KEY_BYTES];
        if (!X25519.calculateAgreement(scalar, 0, peerPublic, 0, shared, 0)) {
            throw new IllegalArgumentException("the public key is a low-order point; refuse to encrypt to it");
        }
        byte[] key = hsalsa20(shared, new byte[16]);
        Arrays.fill(shared, (byte) 0);
        return key;
    }

    /** HSalsa20: the Salsa20 core without its final addition, words 0, 5, 10, 15, 6, 7, 8, 9 of the state. */
    static byte[] hsalsa20(byte[] key, byte[] input16) {
        int[] state = new int[16];
        state[0] = SIGMA[0];
        state[5] = SIGMA[1];
        state[10] = SIGMA[2];
        state[15] = SIGMA[3];
        Pack.littleEndianToInt(key, 0, state, 1, 4);
        Pack.littleEndianToInt(key, 16, state, 11, 4);
        Pack.littleEndianToInt(input16, 0, state, 6, 4);
        int[] x = new int[16];
        Salsa20Engine.salsaCore(20, state, x);
        int[] words = {0, 5, 10, 15, 6, 7, 8, 9};
        byte[] out = new byte[KEY_BYTES];
        for (int i = 0; i < words.length; i++) {
            // salsaCore adds the input back at the end; HSalsa20 does not
            Pack.intToLittleEndian(x[words[i]] - state[words[i]], out, i * 4);
        }
        return out;
    }
}
