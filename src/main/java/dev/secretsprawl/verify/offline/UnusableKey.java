package dev.secretsprawl.verify.offline;

/** A key block we could not read, with the reason in our own words: never a parser's message, never key text. */
final class UnusableKey extends Exception {
    UnusableKey(String reason) {
        super(reason);
    }
}
