package dev.secretsprawl.verify.offline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the SSH wire encoding (RFC 4251 section 5): big-endian uint32 and length-prefixed strings. */
final class SshReader {
    private final ByteBuffer buffer;

    SshReader(byte[] bytes) {
        this.buffer = ByteBuffer.wrap(bytes);
    }

    boolean startsWith(byte[] magic) {
        if (buffer.remaining() < magic.length) {
            return false;
        }
        byte[] head = new byte[magic.length];
        buffer.get(head);
        return Arrays.equals(head, magic);
    }

    int uint32() throws UnusableKey {
        if (buffer.remaining() < 4) {
            throw new UnusableKey("it is truncated");
        }
        return buffer.getInt();
    }

    byte[] bytes() throws UnusableKey {
        int length = uint32();
        if (length < 0 || length > buffer.remaining()) {
            throw new UnusableKey("it is truncated");
        }
        byte[] out = new byte[length];
        buffer.get(out);
        return out;
    }

    String string() throws UnusableKey {
        return new String(bytes(), StandardCharsets.US_ASCII);
    }
}
