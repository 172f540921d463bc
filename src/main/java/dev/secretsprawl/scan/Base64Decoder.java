package dev.secretsprawl.scan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes runs of base64 (standard and URL-safe) that decode to readable UTF-8 text: Kubernetes
 * Secret {@code data:}, Docker {@code auths}, basic-auth headers, secrets a CI job encoded to dodge masking.
 */
final class Base64Decoder implements Decoder {
    private static final int MIN_RUN = 12;
    private static final int MAX_RUN = 64 * 1024;

    @Override
    public String name() {
        return "base64";
    }

    @Override
    public List<DecodedText> decode(String text) {
        List<DecodedText> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char first = text.charAt(i);
            if (first >= 128 || VALUE[first] < 0) {
                i++;
                continue;
            }
            int start = i;
            int kinds = 0;      // bit 0 upper, 1 lower, 2 digit, 3 beyond hex (g-z, G-Z, + / - _)
            while (i < n) {
                char c = text.charAt(i);
                if (c >= 128 || VALUE[c] < 0) {
                    break;
                }
                kinds |= KIND[c];
                i++;
            }
            int end = i;
            while (i < n && text.charAt(i) == '=' && i - end < 2) {
                i++;
            }
            int length = end - start;
            // plain words and identifiers are base64 too, but real encodings mix two of upper, lower and
            // digits; hex runs (digests) never decode to text
            boolean mixed = Integer.bitCount(kinds & 7) >= 2;
            if (length >= MIN_RUN && length <= MAX_RUN && mixed && (kinds & 8) != 0) {
                String decoded = tryDecode(text.substring(start, end));
                if (decoded != null) {
                    out.add(new DecodedText(Decoder.withLineContext(text, start, decoded), start, i, name()));
                }
            }
        }
        return out;
    }




    private static final int[] VALUE = new int[128];
    private static final int[] KIND = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
        VALUE['+'] = 62;
        VALUE['-'] = 62;
        VALUE['/'] = 63;
        VALUE['_'] = 63;
        for (int c = 0; c < 128; c++) {
            if (VALUE[c] < 0) {
                continue;
            }
            KIND[c] = (c >= 'A' && c <= 'Z' ? 1 : 0) | (c >= 'a' && c <= 'z' ? 2 : 0) | (c >= '0' && c <= '9' ? 4 : 0)
                    | (Character.digit(c, 16) < 0 ? 8 : 0);
        }
    }

    /**
     * Decodes standard or URL-safe base64, giving up as soon as the bytes cannot be readable text:
     * most candidate runs are identifiers, and they fail within the first few bytes.
     */
    private static String tryDecode(String run) {
        int length = run.length();
        if (length % 4 == 1) {
            return null;
        }
        byte[] bytes = new byte[length * 3 / 4];
        int allowedUnreadable = bytes.length / 20;
        int unreadable = 0;
        int n = 0;
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 6) | VALUE[run.charAt(i)];
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                byte b = (byte) (buffer >> bits);
                int c = b & 0xff;
                if (c < 0x20 ? c != '\n' && c != '\r' && c != '\t' : c == 0x7f) {
                    if (++unreadable > allowedUnreadable) {
                        return null;
                    }
                }
                bytes[n++] = b;
            }
        }
        // the result-returning form: most runs are not UTF-8, and an exception per run costs more than the decoding
        CharBuffer chars = CharBuffer.allocate(n);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, n), chars, true);
        if (result.isError()) {
            return null;
        }
        String decoded = chars.flip().toString();
        return readable(decoded) ? decoded : null;
    }

    private static boolean readable(String s) {
        if (s.length() < 6) {
            return false;
        }
        int printable = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t') {
                printable++;
            }
        }
        return printable >= s.length() * 0.95;
    }
}
