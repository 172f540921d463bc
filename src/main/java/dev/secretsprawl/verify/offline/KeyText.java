package dev.secretsprawl.verify.offline;

import java.util.Base64;
import java.util.List;

/**
 * A key block as the scanner found it, back in plain lines: keys inside JSON or YAML strings carry literal
 * "\n" escapes, CRLF line ends and the indentation of the file around them.
 */
record KeyText(List<String> lines) {
    static KeyText of(String raw) {
        String text = raw.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n")
                .replace("\r\n", "\n").replace('\r', '\n');
        return new KeyText(text.lines().map(String::strip).toList());
    }

    /** The label of the first PEM/armor boundary ({@code RSA PRIVATE KEY}), or empty. */
    String beginLabel() {
        for (String line : lines) {
            if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
                return line.substring("-----BEGIN ".length(), line.length() - "-----".length());
            }
        }
        return "";
    }

    /** Decodes base64 lines, telling which part was broken without quoting it. */
    static byte[] base64(List<String> body, String what) throws UnusableKey {
        try {
            return Base64.getMimeDecoder().decode(String.join("", body));
        } catch (IllegalArgumentException e) {
            throw new UnusableKey("its " + what + " is not valid base64");
        }
    }
}
