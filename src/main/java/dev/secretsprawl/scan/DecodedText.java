package dev.secretsprawl.scan;

/**
 * Text a decoder recovered from an encoded span {@code [sourceStart, sourceEnd)} of its input.
 * Findings in it are reported at the span's position.
 */
record DecodedText(String text, int sourceStart, int sourceEnd, String decoder) {
}
