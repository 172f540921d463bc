package dev.secretsprawl.cli;

/** A mistake in how the command was called; reported with exit code 2 and no stack trace. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
