package dev.secretsprawl.migrate.rotate.db;

import dev.secretsprawl.verify.db.ConnectionFacts;

import java.sql.SQLException;

/**
 * A failed PostgreSQL rotation in our own words: driver messages may quote the server, a URL or a statement.
 * SQLStates from the PostgreSQL manual, appendix A.
 */
final class PostgresAdminErrors {
    private PostgresAdminErrors() {
    }

    static String describe(SQLException e, ConnectionFacts account, String adminAddress) {
        String state = String.valueOf(e.getSQLState());
        return switch (state) {
            case "28P01" -> "the admin login for postgres at " + adminAddress
                    + " was rejected: check the user in --admin and SPRAWL_ADMIN_POSTGRES_PASSWORD";
            case "28000" -> "the server at " + adminAddress + " refused the admin login (pg_hba.conf or a role that may not log in)";
            case "42704" -> "there is no role " + account.user() + " at " + adminAddress;
            case "42501" -> "the admin user may not change the password of role " + account.user()
                    + " (it needs CREATEROLE, or superuser for a superuser role)";
            case "3D000" -> "the database named in --admin postgres does not exist at " + adminAddress;
            case "22023" -> "refused to send a password that was not generated here as an SQL literal";
            default -> state.startsWith("08")
                    ? "could not reach PostgreSQL at " + adminAddress + " for the admin login"
                    : "PostgreSQL at " + adminAddress + " refused to change the password of role " + account.user()
                    + " (SQLState " + state + ")";
        };
    }
}
