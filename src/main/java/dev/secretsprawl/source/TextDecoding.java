package dev.secretsprawl.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns file bytes into text without ever failing: BOMs pick UTF-8/UTF-16, anything else is read as
 * UTF-8 with malformed bytes replaced, which keeps every ASCII credential intact.
 */
public final class TextDecoding {
    private static final int BINARY_SNIFF = 8000;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private TextDecoding() {
    }

    /** True when the bytes look binary: a NUL byte early on and no UTF-16 byte-order mark. */
    public static boolean looksBinary(byte[] bytes, int length) {
        if (utf16(bytes, length) != null) {
            return false;
        }
        int n = Math.min(length, BINARY_SNIFF);
        int i = 0;
        // eight bytes at a step: a word holds a zero byte when (w - 0x01..01) & ~w & 0x80..80 is not zero
        for (; i + 8 <= n; i += 8) {
            long w = (long) LONGS.get(bytes, i);
            if (((w - 0x0101010101010101L) & ~w & 0x8080808080808080L) != 0) {
                return true;
            }
        }
        for (; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    public static String decode(byte[] bytes, int length) {
        Charset utf16 = utf16(bytes, length);
        if (utf16 != null) {
            return decode(bytes, 2, length - 2, utf16);
        }
        if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return decode(bytes, 3, length - 3, StandardCharsets.UTF_8);
        }
        return decode(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * The bytes as UTF-8 without a byte-order mark: the same array when they already are (or are any
     * ASCII-compatible encoding, whose line breaks and ASCII credentials UTF-8 reads alike).
     */
    public static byte[] toUtf8(byte[] bytes) {
        Charset utf16 = utf16(bytes, bytes.length);
        if (utf16 != null) {
            return decode(bytes, 2, bytes.length - 2, utf16).getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        return bytes;
    }

    private static Charset utf16(byte[] bytes, int length) {
        if (length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** The String constructor replaces malformed input and is the JDK's fastest decoding path. */
    private static String decode(byte[] bytes, int offset, int length, Charset charset) {
        return new String(bytes, offset, Math.max(0, length), charset);
    }
}
