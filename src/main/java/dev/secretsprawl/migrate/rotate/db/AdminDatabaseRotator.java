package dev.secretsprawl.migrate.rotate.db;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.GeneratedPasswords;
import dev.secretsprawl.migrate.rotate.Rotator;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.VerifyContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * What the database rotators share: the target read from what is written next to the password, a generated
 * password, and the admin login that falls back to the proposed password when the admin is the very account
 * an earlier run already rotated (then this run is the same rotation again).
 */
abstract class AdminDatabaseRotator implements Rotator {
    private final String issuer;
    final DatabaseTargets targets;

    AdminDatabaseRotator(DatabaseTargets targets, String issuer) {
        this.targets = targets;
        this.issuer = issuer;
    }

    @Override
    public Set<String> issuers() {
        return Set.of(issuer);
    }

    /** A generic password whose surroundings name a host and user of this kind of database for it. */
    @Override
    public boolean claims(Credential legacy) {
        return targets.facts(legacy).isPresent();
    }

    @Override
    public Optional<String> cannotRotate(Credential legacy, AdminAccess admin) {
        return targets.cannotRotate(legacy, admin);
    }

    @Override
    public Optional<Secret> propose(Credential legacy) {
        return Optional.of(GeneratedPasswords.next());
    }

    /** Opens a connection as LOGIN with PASSWORD; never lets the driver log the URL. */
    abstract Connection connect(AdminAccess.Login login, Secret password, String address, VerifyContext context)
            throws SQLException;

    /** Whether the server refused the password (not the host, the database or the network). */
    abstract boolean wrongPassword(SQLException e);

    final Connection connectAsAdmin(DatabaseTargets.Target target, String address, Secret next, VerifyContext context)
            throws SQLException {
        AdminAccess.Login login = target.login();
        try {
            return connect(login, login.password(), address, context);
        } catch (SQLException e) {
            if (!wrongPassword(e) || !login.user().equals(target.facts().user())) {
                throw e;
            }
            try {
                return connect(login, next, address, context);
            } catch (SQLException again) {
                throw e;
            }
        }
    }
}
