package dev.secretsprawl.migrate.plan;

import java.io.IOException;

/** A plan file that is missing, damaged or stale. The message says how to get a good one. */
public final class PlanException extends IOException {
    public PlanException(String message) {
        super(message);
    }
}
