package dev.secretsprawl.migrate.rewrite;

import dev.secretsprawl.scan.Secret;

/**
 * One place a legacy value sits in a file (1-based lines and columns, end exclusive as the scanner reports
 * them) and the credential NAME whose reference replaces it.
 *
 * @param variable the name the file itself gives the value ({@code PGPASSWORD} in {@code PGPASSWORD=...}), or
 *                 empty when the value is not assigned to a name (inside a URL, a command line)
 */
public record Spot(int line, int startColumn, int endLine, int endColumn, Secret value, String name, String variable) {
}
