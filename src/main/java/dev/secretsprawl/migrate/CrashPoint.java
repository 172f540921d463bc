package dev.secretsprawl.migrate;

/**
 * A test seam for the crash-resume tests: when {@code SPRAWL_TEST_CRASH_AT} names a point
 * ({@code before-ledger:stored}, {@code after-ledger:rotated}, ...), the process halts there at once, as a
 * kill would stop it: no finally block, no shutdown hook. Unset (always, outside those tests) it does nothing.
 */
public final class CrashPoint {
    public static final String ENV = "SPRAWL_TEST_CRASH_AT";
    public static final int EXIT = 137;
    private static final String AT = System.getenv(ENV);

    private CrashPoint() {
    }

    static void reached(String point) {
        if (point.equals(AT)) {
            Runtime.getRuntime().halt(EXIT);
        }
    }
}
