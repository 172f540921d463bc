package dev.secretsprawl.scan;

/** Where a secret starts and ends: path relative to the scanned root, 1-based lines and columns. */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn) {
}
