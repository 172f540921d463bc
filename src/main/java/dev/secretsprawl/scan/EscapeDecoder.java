package dev.secretsprawl.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes JSON/JavaScript string escapes ({@code \n}, {@code \"}, {@code \/}, {@code \u0041},
 * {@code \x41}) on lines that carry them: private keys inside JSON, tokens in escaped payloads.
 */
final class EscapeDecoder implements Decoder {
    private static final int MAX_LINE = 256 * 1024;

    @Override
    public String name() {
        return "escape";
    }

    @Override
    public List<DecodedText> decode(String text) {
        List<DecodedText> out = new ArrayList<>();
        int backslash = text.indexOf('\\');
        while (backslash >= 0) {
            int lineStart = text.lastIndexOf('\n', backslash) + 1;
            int lineEnd = text.indexOf('\n', backslash);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd - lineStart <= MAX_LINE) {
                String decoded = unescape(text, lineStart, lineEnd);
                if (decoded != null) {
                    out.add(new DecodedText(decoded, lineStart, lineEnd, name()));
                }
            }
            backslash = lineEnd < text.length() ? text.indexOf('\\', lineEnd) : -1;
        }
        return out;
    }

    /** The unescaped line, or null when it holds no escape this decoder knows. */
    private static String unescape(String text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        boolean changed = false;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            int consumed = 2;
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '"', '\'', '/', '\\' -> out.append(next);
                case 'u' -> {
                    int code = hex(text, i + 2, 4, end);
                    if (code < 0) {
                        out.append(c).append(next);
                    } else {
                        out.append((char) code);
                        consumed = 6;
                    }
                }
                case 'x' -> {
                    int code = hex(text, i + 2, 2, end);
                    if (code < 0) {
                        out.append(c).append(next);
                    } else {
                        out.append((char) code);
                        consumed = 4;
                    }
                }
                default -> {
                    out.append(c).append(next);
                    i += 2;
                    continue;
                }
            }
            changed = true;
            i += consumed;
        }
        return changed ? out.toString() : null;
    }

    private static int hex(String text, int from, int digits, int end) {
        if (from + digits > end) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }
}
