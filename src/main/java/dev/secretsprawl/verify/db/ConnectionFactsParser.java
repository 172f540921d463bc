package dev.secretsprawl.verify.db;

import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.verify.db.ConfigEntries.Entry;
import dev.secretsprawl.verify.db.ConfigEntries.Role;
import dev.secretsprawl.verify.db.ConnectionFacts.Lookup;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds where a database password logs in from the lines around it: a URL or JDBC URL that holds it, or
 * the settings of the same block ({@code DB_HOST}/{@code DB_USER} next to {@code DB_PASSWORD},
 * {@code spring.datasource.url}/{@code username} next to {@code spring.datasource.password}). It only
 * answers for a password it sees written there (also on a {@code mysql}/{@code psql} command line), and
 * pairs it only with a user of the same block: a wrong user would make a working password look dead. A host
 * from outside the block comes only from a key naming a database, never another service's, and such facts
 * carry a doubt ({@link ConnectionFacts#NOT_PAIRED}), so a rejection is not read as "dead".
 */
public final class ConnectionFactsParser {
    private static final Set<String> DRIVER_KEYS = Set.of("connection", "adapter", "driver", "engine", "dialect",
            "type", "vendor", "driverclassname", "driver-class-name", "platform", "client", "scheme", "protocol");

    private static final Set<String> OTHER_SERVICES = Set.of("redis", "rabbitmq", "rabbit", "amqp", "mongo", "mongodb",
            "smtp", "mail", "email", "ldap", "ftp", "sftp", "ssh", "kafka", "elastic", "elasticsearch", "keystore",
            "truststore", "key", "ssl", "jks", "docker", "registry", "npm", "proxy", "http", "vault", "jenkins",
            "s3", "aws", "minio", "memcache", "memcached", "cache", "mq", "nats", "sentry", "influx", "influxdb",
            "cassandra", "clickhouse", "couchdb", "neo4j", "solr", "zookeeper", "consul", "etcd", "imap", "pop3");

    /** Words of a key that name one of our databases ({@code DB_HOST}, {@code PGHOST}, {@code spring.datasource.url}). */
    private static final Set<String> DATABASE_WORDS = Set.of("db", "database", "databases", "datasource", "jdbc",
            "pg", "pgsql", "postgres", "postgresql", "mysql", "mariadb", "rds", "sql");

    private ConnectionFactsParser() {
    }

    /**
     * @param context      the lines around the finding
     * @param secret       the password as the scanner found it
     * @param kindOfIssuer the server kind the rule already knows ({@code postgres}, {@code mysql}), empty when
     *                     the context must tell (a JDBC URL, a generic password rule)
     */
    public static Lookup find(String context, String secret, Optional<DatabaseKind> kindOfIssuer) {
        List<WrittenUrl> urls = ConnectionUris.find(context, secret);
        List<Entry> entries = ConfigEntries.parse(context);
        for (WrittenUrl u : urls) {
            if (u.password().filter(p -> p.equals(secret)).isPresent()) {
                return fromUrl(u, entries);
            }
        }
        List<WrittenUrl> commands = CommandLines.find(context, secret);
        if (!commands.isEmpty()) {
            WrittenUrl c = commands.get(0);
            return facts(c.kind().orElseThrow(), c.host(), c.port(), c.user(), c.database(), secret, Optional.empty());
        }
        return entries.stream().filter(e -> e.role() == Role.PASSWORD && e.value().equals(secret)).findFirst()
                .map(pw -> fromSettings(pw, entries, urls, kindOfIssuer))
                .orElse(Lookup.missing("no URL or password setting next to it holds this password"));
    }

    private static Lookup fromUrl(WrittenUrl u, List<Entry> entries) {
        if (u.kind().isEmpty()) {
            return Lookup.missing("no check for jdbc:" + u.subprotocol());
        }
        // a user on another line only from the URL's own block (jdbc.url and jdbc.username), never any user nearby
        Optional<Entry> block = entries.stream().filter(e -> e.line() == u.line()).findFirst();
        Optional<String> user = u.user().or(() -> block.flatMap(b -> sameBlock(entries, Role.USER, b)).map(Entry::value));
        String written = u.password().orElseThrow();
        String password = u.encoding() == WrittenUrl.Encoding.LITERAL ? written : ConnectionUris.decode(written);
        boolean ambiguous = u.encoding() == WrittenUrl.Encoding.JDBC && (written.contains("%") || written.contains("+"));
        return facts(u.kind().get(), u.host(), u.port(), user, u.database(), password,
                ambiguous ? Optional.of(ConnectionFacts.JDBC_ENCODING) : Optional.empty());
    }

    private static Lookup fromSettings(Entry pw, List<Entry> entries, List<WrittenUrl> urls,
                                       Optional<DatabaseKind> kindOfIssuer) {
        Optional<DatabaseKind> kind = kindOfIssuer.or(() -> kindFromSettings(pw, entries, urls));
        if (kind.isEmpty()) {
            return Lookup.missing("nothing next to the password says which database server it is for");
        }
        // a URL without password: of the password's own block, else only under a key naming a database
        Optional<WrittenUrl> url = urls.stream().filter(u -> u.kind().equals(kind) && u.password().isEmpty())
                .filter(u -> sameBlock(u, entries, pw) || urlKey(u, entries).filter(ConnectionFactsParser::namesDatabase).isPresent())
                .min(Comparator.comparing((WrittenUrl u) -> !sameBlock(u, entries, pw))
                        .thenComparing(u -> Math.abs(u.line() - pw.line())));
        Optional<Entry> hostEntry = sameBlock(entries, Role.HOST, pw);
        String host;
        boolean hostPaired;
        OptionalInt port = sameBlock(entries, Role.PORT, pw).map(e -> Hosts.port(e.value())).orElse(OptionalInt.empty());
        if (hostEntry.isPresent()) {
            host = hostOf(hostEntry.get().value());
            port = port.isPresent() ? port : portOf(hostEntry.get().value());
            hostPaired = true;
        } else if (url.isPresent()) {
            host = url.get().host();
            port = port.isPresent() ? port : url.get().port();
            hostPaired = sameBlock(url.get(), entries, pw);
        } else {
            Optional<Entry> only = onlyDatabaseHost(entries);
            host = only.map(e -> hostOf(e.value())).orElse("");
            port = port.isPresent() ? port : only.map(e -> portOf(e.value())).orElse(OptionalInt.empty());
            hostPaired = false;
        }
        Optional<String> written = sameBlock(entries, Role.USER, pw).map(Entry::value)
                .or(() -> url.filter(u -> sameBlock(u, entries, pw)).flatMap(WrittenUrl::user));
        // MYSQL_ROOT_PASSWORD names its user only by convention: guessed, so not paired
        Optional<String> user = written.or(() -> pw.prefix().matches("(?:.*[._-])?root") ? Optional.of("root") : Optional.empty());
        Optional<String> database = sameBlock(entries, Role.DATABASE, pw).map(Entry::value)
                .or(() -> url.flatMap(WrittenUrl::database));
        return facts(kind.get(), host, port, user, database, pw.value(),
                hostPaired && written.isPresent() ? Optional.empty() : Optional.of(ConnectionFacts.NOT_PAIRED));
    }

    private static Lookup facts(DatabaseKind kind, String host, OptionalInt port, Optional<String> user,
                                Optional<String> database, String password, Optional<String> doubt) {
        if (host.isEmpty() || !Hosts.isRealHost(host)) {
            return Lookup.missing("no host next to the password");
        }
        if (user.isEmpty() || !Hosts.isRealUser(user.get())) {
            return Lookup.missing("no user next to the password");
        }
        return Lookup.found(new ConnectionFacts(kind, host, port.orElse(kind.defaultPort()), user.get(),
                database.filter(Hosts::isPlainDatabaseName), new Secret(password), doubt));
    }

    /**
     * Which server a password setting is for: a driver named in its block, its own key, a URL, a port. None for
     * a key that names another service ({@code REDIS_PASSWORD}, {@code spring.rabbitmq.password}) even when a
     * database is mentioned nearby: that password belongs to the other service's verifier.
     */
    private static Optional<DatabaseKind> kindFromSettings(Entry pw, List<Entry> entries, List<WrittenUrl> urls) {
        if (namesOtherService(pw)) {
            return Optional.empty();
        }
        // a driver of the password's own mapping first: another block may name another server
        Optional<DatabaseKind> kind = entries.stream().filter(e -> DRIVER_KEYS.contains(lastSegment(e.key())))
                .sorted(Comparator.comparing((Entry e) -> !e.parents().equals(pw.parents())))
                .map(e -> DatabaseKind.named(e.value())).flatMap(Optional::stream).findFirst();
        if (kind.isEmpty()) {
            kind = keyKind(pw);
        }
        if (kind.isEmpty()) {
            kind = urls.stream().map(WrittenUrl::kind).flatMap(Optional::stream).findFirst();
        }
        if (kind.isEmpty()) {
            kind = entries.stream().filter(e -> e.role() != Role.OTHER).map(ConnectionFactsParser::keyKind)
                    .flatMap(Optional::stream).findFirst();
        }
        if (kind.isEmpty()) {
            kind = entries.stream().filter(e -> e.role() == Role.PORT).map(e -> e.value().trim())
                    .map(p -> p.equals("5432") ? DatabaseKind.POSTGRES : p.equals("3306") ? DatabaseKind.MYSQL : null)
                    .filter(java.util.Objects::nonNull).findFirst();
        }
        return kind;
    }

    /** {@code PGPASSWORD}, {@code POSTGRES_USER}, {@code MYSQL_PWD}, {@code MARIADB_HOST}. */
    private static Optional<DatabaseKind> keyKind(Entry e) {
        if (e.prefix().equals("pg")) {
            return Optional.of(DatabaseKind.POSTGRES);
        }
        return DatabaseKind.named(e.prefix());
    }

    private static Optional<Entry> sameBlock(List<Entry> entries, Role role, Entry block) {
        return entries.stream().filter(e -> e.role() == role && e.sameBlock(block)).findFirst();
    }

    private static boolean sameBlock(WrittenUrl u, List<Entry> entries, Entry block) {
        return urlKey(u, entries).filter(e -> e.sameBlock(block)).isPresent();
    }

    /** The setting a URL is the value of ({@code DATABASE_URL=postgres://...}), if it is one. */
    private static Optional<Entry> urlKey(WrittenUrl u, List<Entry> entries) {
        return entries.stream().filter(e -> e.line() == u.line()).findFirst();
    }

    /**
     * The host of another block only when it is the only host in sight whose key names a database
     * ({@code DATABASE_HOST} with {@code DB_PASSWORD}); {@code SMTP_HOST} or {@code ANALYTICS_HOST} never.
     */
    private static Optional<Entry> onlyDatabaseHost(List<Entry> entries) {
        List<Entry> all = entries.stream().filter(e -> e.role() == Role.HOST).toList();
        return all.size() == 1 && namesDatabase(all.get(0)) ? Optional.of(all.get(0)) : Optional.empty();
    }

    private static boolean namesDatabase(Entry e) {
        List<String> words = e.words();
        return !namesOtherService(e) && (words.stream().anyMatch(DATABASE_WORDS::contains)
                || e.prefix().startsWith("pg") || e.prefix().startsWith("postgres") || e.prefix().startsWith("mysql")
                || e.prefix().startsWith("mariadb"));
    }

    private static boolean namesOtherService(Entry e) {
        return e.words().stream().anyMatch(OTHER_SERVICES::contains);
    }

    private static String lastSegment(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int cut = Math.max(lower.lastIndexOf('.'), lower.lastIndexOf('_'));
        return lower.substring(cut + 1);
    }

    private static String hostOf(String value) {
        String v = value.trim();
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            return close < 0 ? v : v.substring(1, close);
        }
        int colon = v.indexOf(':');
        return colon >= 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
    }

    private static OptionalInt portOf(String hostValue) {
        String v = hostValue.trim();
        int colon = v.lastIndexOf(':');
        boolean bareIpv6 = !v.startsWith("[") && v.indexOf(':') != colon;
        return colon < 0 || bareIpv6 || v.lastIndexOf(']') > colon ? OptionalInt.empty() : Hosts.port(v.substring(colon + 1));
    }
}
