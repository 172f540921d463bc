package dev.secretsprawl.scan;

/**
 * Maps a column of a fragment's text back to the column in the original line it was cleaned from: a CI
 * log is scanned without its colour codes and timestamps, yet findings point at the line as it is.
 */
@FunctionalInterface
public interface ColumnMap {
    /**
     * @param lineIndex 0-based line within the fragment
     * @param column    1-based column in the fragment's text
     * @return the 1-based column of the same character in the original line
     */
    int original(int lineIndex, int column);
}
