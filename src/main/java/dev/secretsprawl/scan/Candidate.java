package dev.secretsprawl.scan;

/**
 * A regex match before filtering.
 *
 * @param secret the captured value
 * @param before the part of the match in front of the secret (for generic rules: the key name)
 * @param quoted whether the value sits directly after a quote character
 */
record Candidate(CompiledRule rule, String secret, String before, boolean quoted, String path) {
}
