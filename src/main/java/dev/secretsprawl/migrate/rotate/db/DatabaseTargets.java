package dev.secretsprawl.migrate.rotate.db;

import dev.secretsprawl.migrate.rotate.AdminAccess;
import dev.secretsprawl.migrate.rotate.SameServer;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.db.ConnectionFacts;
import dev.secretsprawl.verify.db.ConnectionFactsParser;
import dev.secretsprawl.verify.db.DatabaseKind;

import java.io.IOException;
import java.util.Optional;

/**
 * The account a legacy database password belongs to, read as the verifier reads it, and the admin login
 * that may change it: given with {@code --admin ISSUER=URI}, on the very server the password logs into.
 */
final class DatabaseTargets {
    private final DatabaseKind kind;
    private final String adminIssuer;

    DatabaseTargets(DatabaseKind kind, String adminIssuer) {
        this.kind = kind;
        this.adminIssuer = adminIssuer;
    }

    /** Facts of this server kind for the credential; the rule's issuer, if it names one, fixes the kind. */
    Optional<ConnectionFacts> facts(Credential legacy) {
        return lookup(legacy).facts().filter(f -> f.kind() == kind);
    }

    private ConnectionFacts.Lookup lookup(Credential legacy) {
        Optional<DatabaseKind> named = switch (legacy.issuer()) {
            case "postgres" -> Optional.of(DatabaseKind.POSTGRES);
            case "mysql" -> Optional.of(DatabaseKind.MYSQL);
            default -> Optional.empty();
        };
        return ConnectionFactsParser.find(legacy.context().reveal(), legacy.secret().reveal(), named);
    }

    Optional<String> cannotRotate(Credential legacy, AdminAccess admin) {
        ConnectionFacts.Lookup lookup = lookup(legacy);
        if (lookup.facts().isEmpty()) {
            return Optional.of(lookup.problem());
        }
        ConnectionFacts f = lookup.facts().get();
        if (f.kind() != kind) {
            return Optional.of("the password is for " + f.kind().scheme() + ", not " + kind.scheme());
        }
        // a guessed account (MYSQL_ROOT_PASSWORD, a host from another block) may be someone else's
        if (f.doubt().filter(ConnectionFacts.NOT_PAIRED::equals).isPresent()) {
            return Optional.of("the user or host was not written with the password, so rotating could change another account");
        }
        Optional<AdminAccess.Login> login = admin.login(adminIssuer);
        if (login.isEmpty()) {
            return Optional.of("no admin connection for " + adminIssuer + ": give --admin " + adminIssuer + "="
                    + kind.scheme() + "://ADMIN@" + f.address() + " and SPRAWL_ADMIN_" + adminIssuer.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
        }
        AdminAccess.Login l = login.get();
        return SameServer.mismatch(adminIssuer, l.uri().getHost(), port(l), f.host(), f.port());
    }

    /** The facts and admin login of a credential that {@link #cannotRotate} allows, else an error in its words. */
    Target require(Credential legacy, AdminAccess admin) throws IOException {
        Optional<String> refusal = cannotRotate(legacy, admin);
        if (refusal.isPresent()) {
            throw new IOException("cannot rotate: " + refusal.get());
        }
        return new Target(facts(legacy).orElseThrow(), admin.login(adminIssuer).orElseThrow());
    }

    int port(AdminAccess.Login login) {
        return login.uri().getPort() >= 0 ? login.uri().getPort() : kind.defaultPort();
    }

    /** {@code host:port} of the admin login, IPv6 in brackets. */
    String adminAddress(AdminAccess.Login login) {
        String host = login.uri().getHost();
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port(login);
    }

    record Target(ConnectionFacts facts, AdminAccess.Login login) {
    }
}
