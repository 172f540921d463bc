package dev.secretsprawl.migrate.rotate.db;

import java.sql.SQLException;

/**
 * A failed MySQL/MariaDB rotation in our own words: driver messages quote statements and URLs. Error numbers
 * from the MariaDB error code reference.
 */
final class MariaDbAdminErrors {
    static final int UNQUOTABLE = -1;

    private MariaDbAdminErrors() {
    }

    static String describe(SQLException e, String user, String adminAddress) {
        return switch (e.getErrorCode()) {
            case 1045 -> "the admin login for mysql at " + adminAddress
                    + " was rejected: check the user in --admin and SPRAWL_ADMIN_MYSQL_PASSWORD";
            case 1044, 1142, 1227 -> "the admin user may not change the password of " + user + " at " + adminAddress
                    + " (it needs CREATE USER or UPDATE on the mysql schema)";
            case 1130 -> "the server at " + adminAddress + " does not let this machine log in as the admin";
            case 1396 -> "the server at " + adminAddress + " has no account " + user + " to change";
            case UNQUOTABLE -> "an account of " + user + " has a host name that cannot be quoted safely";
            default -> String.valueOf(e.getSQLState()).startsWith("08")
                    ? "could not reach MySQL/MariaDB at " + adminAddress + " for the admin login"
                    : "MySQL/MariaDB at " + adminAddress + " refused to change the password of " + user
                    + " (error " + e.getErrorCode() + ")";
        };
    }
}
