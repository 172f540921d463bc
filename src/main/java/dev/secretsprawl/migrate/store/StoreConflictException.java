package dev.secretsprawl.migrate.store;

/** A check-and-set write found another version than the one expected: someone else wrote the key meanwhile. */
public final class StoreConflictException extends StoreException {
    private final int foundVersion;

    public StoreConflictException(String key, int expected, int found) {
        super("the store holds version " + found + " of '" + key + "', not " + expected
                + " as expected: someone else wrote it meanwhile; check the store and run the migration again");
        this.foundVersion = found;
    }

    public int foundVersion() {
        return foundVersion;
    }
}
