package dev.secretsprawl.source.log;

/**
 * One log line as a person reads it: without colour codes, cursor movements, console notes, timestamp
 * prefixes and {@code set -x} markers.
 *
 * @param text   the cleaned text
 * @param origin for each character of {@code text}, its index in the original line; null when only a
 *               prefix was cut (the common case: a timestamp), then {@code offset} says how long it was
 * @param offset characters cut from the start of the line when {@code origin} is null
 */
public record CleanLine(String text, int[] origin, int offset) {
    /** Index in the original line of the character at {@code index} of the cleaned text. */
    public int originalIndex(int index) {
        if (origin == null) {
            return index + offset;
        }
        if (index < origin.length) {
            return origin[index];
        }
        // past the end: continue after the last kept character
        return (origin.length == 0 ? 0 : origin[origin.length - 1] + 1) + (index - origin.length);
    }
}
