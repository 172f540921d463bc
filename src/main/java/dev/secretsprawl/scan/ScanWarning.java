package dev.secretsprawl.scan;

/**
 * A recoverable problem met during a scan. Travels with the result so every front end (CLI, Jenkins,
 * webhooks) shows it the same way. Never holds a secret.
 *
 * @param kind short machine-readable kind, e.g. {@code binary-skipped}, {@code unreadable}
 * @param path the affected path, or null for scan-wide warnings
 */
public record ScanWarning(String kind, String path, String message) {
}
