package dev.secretsprawl.report;

/**
 * Makes scanned text (paths, previews) safe to print on a terminal: control characters become
 * {@code \\uXXXX}, so a file cannot clear the screen or hide lines of a report.
 */
public final class Terminal {
    private Terminal() {
    }

    public static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
