package dev.secretsprawl.verify.offline;

import dev.secretsprawl.verify.Verification;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * OpenPGP secret keys in ASCII armor (RFC 4880 / RFC 9580): reads the first packet, the primary secret key,
 * far enough to name its algorithm and fingerprint (what {@code gpg --show-keys} prints and keyservers and
 * forges list) and whether its secret part is passphrase-protected. Subkeys and signatures are not read.
 */
final class PgpKeys {
    static final String LABEL = "PGP PRIVATE KEY BLOCK";
    private static final int SECRET_KEY = 5;
    private static final Map<String, String> CURVES = Map.of(
            "1.3.6.1.4.1.11591.15.1", "Ed25519", "1.3.6.1.4.1.3029.1.5.1", "Curve25519");

    private PgpKeys() {
    }

    static Verification check(KeyText text) throws UnusableKey {
        ByteBuffer packet = firstPacket(KeyText.base64(armorBody(text.lines()), "armored body"));
        int start = packet.position();
        int version = u8(packet);
        if (version != 4 && version != 6) {
            throw new UnusableKey("its key packet is version " + version + "; we read versions 4 and 6");
        }
        skip(packet, 4);
        int algorithm = u8(packet);
        if (version == 6) {
            skip(packet, 4);
        }
        String kind = publicMaterial(packet, algorithm);
        byte[] publicBody = new byte[packet.position() - start];
        packet.get(start, publicBody);
        String fingerprint = fingerprint(version, publicBody);
        if (packet.remaining() < 1) {
            throw new UnusableKey("it is truncated");
        }
        boolean locked = u8(packet) != 0;
        String what = kind + " OpenPGP key, fingerprint " + fingerprint;
        return Verification.unknown((locked ? "encrypted with a passphrase (OpenPGP); " : "")
                + what + "; it works wherever that key is trusted (signing keyrings, git forges, package repositories),"
                + " which we cannot see");
    }

    /** Base64 lines between the armor headers and the CRC line ("=XXXX") or the END line. */
    private static List<String> armorBody(List<String> lines) {
        List<String> body = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.equals("-----BEGIN " + LABEL + "-----")) {
                inside = true;
            } else if (line.startsWith("-----END ") || (inside && line.startsWith("=") && line.length() == 5)) {
                break;
            } else if (inside && !line.isEmpty() && !line.matches("[A-Za-z][A-Za-z-]*: .*")) {
                body.add(line);
            }
        }
        return body;
    }

    /** The body of the first packet (RFC 9580 section 4.2), which must be a secret key. */
    private static ByteBuffer firstPacket(byte[] bytes) throws UnusableKey {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int head = u8(in);
        if ((head & 0x80) == 0) {
            throw new UnusableKey("it does not start with an OpenPGP packet");
        }
        boolean newFormat = (head & 0x40) != 0;
        int tag = newFormat ? head & 0x3f : (head >> 2) & 0x0f;
        if (tag != SECRET_KEY) {
            throw new UnusableKey("its first packet is not a secret key");
        }
        long length = newFormat ? newLength(in) : oldLength(in, head & 3);
        if (length > in.remaining()) {
            throw new UnusableKey("it is truncated");
        }
        return in.slice(in.position(), (int) length);
    }

    private static long newLength(ByteBuffer in) throws UnusableKey {
        int first = u8(in);
        if (first < 192) {
            return first;
        }
        if (first < 224) {
            return ((first - 192) << 8) + u8(in) + 192;
        }
        if (first == 255) {
            return u32(in);
        }
        throw new UnusableKey("its key packet has a partial length");
    }

    private static long oldLength(ByteBuffer in, int type) throws UnusableKey {
        return switch (type) {
            case 0 -> u8(in);
            case 1 -> (u8(in) << 8) | u8(in);
            case 2 -> u32(in);
            default -> in.remaining();
        };
    }

    /** Steps over the algorithm-specific public fields (RFC 9580 section 5.5.5), naming the key. */
    private static String publicMaterial(ByteBuffer in, int algorithm) throws UnusableKey {
        switch (algorithm) {
            case 1, 2, 3 -> {
                int bits = mpiBits(in);
                mpiBits(in);
                return "RSA " + bits + "-bit";
            }
            case 17 -> {
                int bits = mpiBits(in);
                mpiBits(in);
                mpiBits(in);
                mpiBits(in);
                return "DSA " + bits + "-bit";
            }
            case 16 -> {
                int bits = mpiBits(in);
                mpiBits(in);
                mpiBits(in);
                return "ElGamal " + bits + "-bit";
            }
            case 18, 19, 22 -> {
                String curve = curve(in);
                mpiBits(in);
                if (algorithm == 18) {
                    skip(in, u8(in));
                }
                return (algorithm == 18 ? "ECDH " : algorithm == 19 ? "ECDSA " : "EdDSA ") + curve;
            }
            case 25, 26, 27, 28 -> {
                skip(in, Map.of(25, 32, 26, 56, 27, 32, 28, 57).get(algorithm));
                return Map.of(25, "X25519", 26, "X448", 27, "Ed25519", 28, "Ed448").get(algorithm);
            }
            default -> throw new UnusableKey("its public-key algorithm " + algorithm + " is not one we read");
        }
    }

    private static String curve(ByteBuffer in) throws UnusableKey {
        int length = u8(in);
        byte[] der = new byte[length + 2];
        der[0] = 0x06;
        der[1] = (byte) length;
        skipInto(in, der, 2, length);
        try {
            ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(der);
            String name = CURVES.getOrDefault(oid.getId(), ECNamedCurveTable.getName(oid));
            return name == null ? "curve " + oid.getId() : name;
        } catch (IllegalArgumentException e) {
            throw new UnusableKey("its curve identifier is malformed");
        }
    }

    /** v4: SHA-1 over 0x99, a two-octet length and the public body; v6: SHA-256 over 0x9B, four octets, body. */
    private static String fingerprint(int version, byte[] publicBody) {
        try {
            MessageDigest digest = MessageDigest.getInstance(version == 4 ? "SHA-1" : "SHA-256");
            ByteBuffer prefix = ByteBuffer.allocate(5).put((byte) (version == 4 ? 0x99 : 0x9B));
            if (version == 4) {
                prefix.putShort((short) publicBody.length);
            } else {
                prefix.putInt(publicBody.length);
            }
            digest.update(prefix.array(), 0, prefix.position());
            return HexFormat.of().withUpperCase().formatHex(digest.digest(publicBody));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int mpiBits(ByteBuffer in) throws UnusableKey {
        int bits = (u8(in) << 8) | u8(in);
        skip(in, (bits + 7) / 8);
        return bits;
    }

    private static void skip(ByteBuffer in, int count) throws UnusableKey {
        if (count > in.remaining()) {
            throw new UnusableKey("it is truncated");
        }
        in.position(in.position() + count);
    }

    private static void skipInto(ByteBuffer in, byte[] out, int offset, int count) throws UnusableKey {
        if (count > in.remaining()) {
            throw new UnusableKey("it is truncated");
        }
        in.get(out, offset, count);
    }

    private static int u8(ByteBuffer in) throws UnusableKey {
        if (!in.hasRemaining()) {
            throw new UnusableKey("it is truncated");
        }
        return in.get() & 0xff;
    }

    private static long u32(ByteBuffer in) throws UnusableKey {
        if (in.remaining() < 4) {
            throw new UnusableKey("it is truncated");
        }
        return in.getInt() & 0xffffffffL;
    }
}
