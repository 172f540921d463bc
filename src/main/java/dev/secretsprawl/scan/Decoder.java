package dev.secretsprawl.scan;

import java.util.List;

/** Finds encoded spans in a text and decodes them, so secrets in encoded form are found too. */
interface Decoder {
    String name();

    List<DecodedText> decode(String text);

    /** Prepends what stands before the span on its line, so {@code password: <base64>} keeps its key. */
    static String withLineContext(String text, int spanStart, String decoded) {
        int lineStart = spanStart;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && spanStart - lineStart < 200) {
            lineStart--;
        }
        return text.substring(lineStart, spanStart) + decoded;
    }
}
