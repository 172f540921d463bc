package dev.secretsprawl.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Percent-decodes lines holding {@code %XX} escapes: passwords in URIs, query strings, form bodies. */
final class UrlDecoder implements Decoder {
    private static final int MAX_LINE = 16 * 1024;

    @Override
    public String name() {
        return "url";
    }

    @Override
    public List<DecodedText> decode(String text) {
        List<DecodedText> out = new ArrayList<>();
        int percent = text.indexOf('%');
        while (percent >= 0) {
            int lineStart = text.lastIndexOf('\n', percent) + 1;
            int lineEnd = text.indexOf('\n', percent);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd - lineStart <= MAX_LINE && hasEscape(text, percent, lineEnd)) {
                out.add(new DecodedText(percentDecode(text, lineStart, lineEnd), lineStart, lineEnd, name()));
            }
            percent = lineEnd < text.length() ? text.indexOf('%', lineEnd) : -1;
        }
        return out;
    }

    private static boolean hasEscape(String text, int start, int end) {
        for (int i = start; i + 2 < end; i++) {
            if (text.charAt(i) == '%' && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String percentDecode(String text, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < end && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
