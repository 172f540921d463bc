package dev.secretsprawl.source.log;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans CI log lines for detection. A credential printed in colour, or split by an escape sequence, or
 * behind a timestamp, must match the same rules as in a file; columns map back to the line as it is.
 * <p>
 * Removed: ANSI/VT sequences (CSI such as colours and {@code ESC[0K}, OSC such as hyperlinks, two-byte
 * escapes), Jenkins console notes ({@code ESC[8mha:…ESC[0m}, serialized annotations), GitLab section
 * markers, other control characters; a carriage return inside a line becomes a space. Then, at the
 * start of the line: timestamps (GitHub Actions, GitLab job traces with their stream marker, the Jenkins
 * timestamper in ISO or clock form), Jenkins' {@code [Pipeline]} tag and {@code set -x} markers.
 */
public final class LogLineCleaner {
    private static final char ESC = 0x1b;
    private static final String CONSOLE_NOTE = ESC + "[8mha:";
    private static final String NOTE_END = ESC + "[0m";
    private static final Pattern GITLAB_SECTION = Pattern.compile("section_(?:start|end):\\d+:[\\w.\\[\\]=,-]*");

    private LogLineCleaner() {
    }

    public static CleanLine clean(String line) {
        return clean(line, false);
    }

    /** @param plain the caller knows the line holds no control character (see {@link LogLines.Line#plain()}) */
    public static CleanLine clean(String line, boolean plain) {
        if (plain || !hasControlCharacters(line)) {
            int skip = startsLikePrefix(line) ? prefixLength(line) : 0;
            return new CleanLine(skip == 0 ? line : line.substring(skip), null, skip);
        }
        int n = line.length();
        StringBuilder text = new StringBuilder(n);
        int[] origin = new int[n];
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ESC) {
                i = escapeEnd(line, i);
                continue;
            }
            if (c == 's' && line.startsWith("section_", i)) {
                Matcher m = GITLAB_SECTION.matcher(line).region(i, n);
                if (m.lookingAt()) {
                    i = m.end() < n && line.charAt(m.end()) == '\r' ? m.end() + 1 : m.end();
                    continue;
                }
            }
            if (c == '\r') {
                if (i + 1 < n) {
                    origin[text.length()] = i;
                    text.append(' ');
                }
                i++;
                continue;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                i++;
                continue;
            }
            origin[text.length()] = i;
            text.append(c);
            i++;
        }
        int skip = prefixLength(text);
        String cleaned = text.substring(skip);
        int[] kept = new int[cleaned.length()];
        System.arraycopy(origin, skip, kept, 0, kept.length);
        return new CleanLine(cleaned, kept, 0);
    }

    private static boolean hasControlCharacters(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                return true;
            }
        }
        return false;    // GitLab section markers always come with a carriage return and an escape sequence
    }

    private static boolean startsLikePrefix(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        return (first >= '0' && first <= '9') || first == '[' || first == '+';
    }

    /**
     * Length of the line's prefixes, applied until none is left (a GitLab timestamp before a set -x marker).
     * Hand-written: every line of a timestamped log starts with one, and a regex per line costs more than
     * the rest of the cleaning.
     */
    static int prefixLength(CharSequence text) {
        int at = 0;
        while (at < text.length()) {
            int end = onePrefix(text, at);
            if (end <= at || end >= text.length() || text.charAt(end) != ' ') {
                break;
            }
            at = end + 1;
        }
        return at;
    }

    /** End of one prefix at {@code at} (not counting the space after it), or {@code at} when there is none. */
    private static int onePrefix(CharSequence s, int at) {
        char c = s.charAt(at);
        if (c == '+') {
            int i = at;
            while (i < s.length() && s.charAt(i) == '+') {
                i++;
            }
            return i;
        }
        if (c == '[') {
            if (startsWith(s, at, "[Pipeline]")) {
                return at + "[Pipeline]".length();
            }
            int end = timestamp(s, at + 1);
            if (end < 0) {
                end = clock(s, at + 1);
            }
            return end > 0 && end < s.length() && s.charAt(end) == ']' ? end + 1 : at;
        }
        if (c >= '0' && c <= '9') {
            int end = timestamp(s, at);
            if (end > 0) {
                return gitlabStream(s, end);
            }
            end = clock(s, at);
            return end > 0 ? end : at;
        }
        return at;
    }

    /** ISO-8601 date and time with optional fraction and zone: 2026-11-22T10:00:00.1234567Z. End, or -1. */
    private static int timestamp(CharSequence s, int at) {
        int i = digits(s, at, 4);
        if (i < 0 || !is(s, i, '-') || (i = digits(s, i + 1, 2)) < 0 || !is(s, i, '-') || (i = digits(s, i + 1, 2)) < 0
                || !(is(s, i, 'T') || is(s, i, ' '))) {
            return -1;
        }
        i = clock(s, i + 1);
        if (i < 0) {
            return -1;
        }
        if (is(s, i, 'Z')) {
            return i + 1;
        }
        if (is(s, i, '+') || is(s, i, '-')) {
            int zone = digits(s, i + 1, 2);
            if (zone > 0) {
                if (is(s, zone, ':')) {
                    zone++;
                }
                int minutes = digits(s, zone, 2);
                return minutes > 0 ? minutes : i;
            }
        }
        return i;
    }

    /** HH:MM:SS with an optional fraction. End, or -1. */
    private static int clock(CharSequence s, int at) {
        int i = digits(s, at, 2);
        if (i < 0 || !is(s, i, ':') || (i = digits(s, i + 1, 2)) < 0 || !is(s, i, ':') || (i = digits(s, i + 1, 2)) < 0) {
            return -1;
        }
        if ((is(s, i, '.') || is(s, i, ',')) && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
            i++;
            int limit = i + 9;
            while (i < s.length() && i < limit && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        }
        return i;
    }

    /** GitLab job traces follow the timestamp with a stream marker: " 00O", " 01E", " 00O+" (continued line). */
    private static int gitlabStream(CharSequence s, int end) {
        if (end + 4 <= s.length() && s.charAt(end) == ' ' && isHex(s.charAt(end + 1)) && isHex(s.charAt(end + 2))
                && (s.charAt(end + 3) == 'O' || s.charAt(end + 3) == 'E')) {
            int i = end + 4;
            return is(s, i, '+') ? i + 1 : i;
        }
        return end;
    }

    private static int digits(CharSequence s, int at, int count) {
        if (at + count > s.length()) {
            return -1;
        }
        for (int i = at; i < at + count; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return at + count;
    }

    private static boolean is(CharSequence s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at + prefix.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Index just past the escape sequence starting at {@code at}. */
    static int escapeEnd(String line, int at) {
        int n = line.length();
        if (line.startsWith(CONSOLE_NOTE, at)) {
            int end = line.indexOf(NOTE_END, at + CONSOLE_NOTE.length());
            return end < 0 ? n : end + NOTE_END.length();
        }
        if (at + 1 >= n) {
            return n;
        }
        char kind = line.charAt(at + 1);
        if (kind == '[') {                       // CSI: parameters 0x30-0x3f, intermediates 0x20-0x2f, final 0x40-0x7e
            int i = at + 2;
            while (i < n && line.charAt(i) >= 0x30 && line.charAt(i) <= 0x3f) {
                i++;
            }
            while (i < n && line.charAt(i) >= 0x20 && line.charAt(i) <= 0x2f) {
                i++;
            }
            return i < n && line.charAt(i) >= 0x40 && line.charAt(i) <= 0x7e ? i + 1 : i;
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {   // OSC/DCS/APC...: until BEL or ESC \
            for (int i = at + 2; i < n; i++) {
                char c = line.charAt(i);
                if (c == 0x07) {
                    return i + 1;
                }
                if (c == ESC && i + 1 < n && line.charAt(i + 1) == '\\') {
                    return i + 2;
                }
            }
            return n;
        }
        if (kind >= 0x20 && kind <= 0x2f) {      // ESC ( B and friends: one intermediate, one final
            return Math.min(n, at + 3);
        }
        return at + 2;                           // ESC 7, ESC =, ESC M ...
    }
}
