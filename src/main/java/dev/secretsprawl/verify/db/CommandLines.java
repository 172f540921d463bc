package dev.secretsprawl.verify.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Database client command lines that carry a password: {@code mysql -h H -u U -pSECRET},
 * {@code mysqldump --password=SECRET}, {@code PGPASSWORD=SECRET psql -h H -U U}, {@code MYSQL_PWD=SECRET mysql ...}.
 * Host, user, port and database come from the same line's options, as the clients' manuals define them
 * (psql: {@code -h -p -U -d}; mysql: {@code -h -P -u}, plus the long forms).
 */
final class CommandLines {
    private static final Pattern CLIENT = Pattern.compile(
            "(?:^|[\\s'\"`;&|(/])(psql|pg_dump|pg_dumpall|pg_restore|pgbench|mysql|mysqldump|mysqladmin|mysqlimport"
                    + "|mysqlsh|mysqlcheck|mariadb|mariadb-dump|mariadb-admin)(?=[\\s'\"`]|$)");

    private CommandLines() {
    }

    /** The client command lines of the text whose password (flag or environment prefix) is this secret. */
    static List<WrittenUrl> find(String text, String secret) {
        List<WrittenUrl> found = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CLIENT.matcher(lines[i]);
            if (m.find() && carriesPassword(lines[i], m.group(1), secret)) {
                found.add(parse(m.group(1), lines[i].substring(m.end()), i));
            }
        }
        return found;
    }

    private static boolean carriesPassword(String line, String client, String secret) {
        String q = Pattern.quote(secret);
        String end = "(?=[\\s'\"`;&|]|$)";
        String envPrefix = "(?:PGPASSWORD|MYSQL_PWD)=['\"]?" + q + end;
        String flag = postgres(client) ? "(?!)" : "(?:\\s-p['\"]?|\\s--password=['\"]?)" + q + end;
        return Pattern.compile(envPrefix + "|" + flag).matcher(line).find();
    }

    private static WrittenUrl parse(String client, String args, int line) {
        boolean pg = postgres(client);
        Optional<String> host = option(args, "-h", "--host");
        Optional<String> user = pg ? option(args, "-U", "--username") : option(args, "-u", "--user");
        Optional<String> port = pg ? option(args, "-p", "--port") : option(args, "-P", "--port");
        Optional<String> database = pg ? option(args, "-d", "--dbname") : option(args, "-D", "--database");
        OptionalInt p = port.map(Hosts::port).orElse(OptionalInt.empty());
        DatabaseKind kind = pg ? DatabaseKind.POSTGRES : DatabaseKind.MYSQL;
        return new WrittenUrl(client, Optional.of(kind), host.orElse(""), p, user, database, Optional.empty(), line,
                WrittenUrl.Encoding.LITERAL);
    }

    /** {@code -h value}, {@code -hvalue}, {@code --host=value} or {@code --host value}, quotes removed. */
    private static Optional<String> option(String args, String shortForm, String longForm) {
        Matcher m = Pattern.compile("(?:^|\\s)(?:" + Pattern.quote(shortForm) + "\\s*|" + Pattern.quote(longForm)
                + "[=\\s]\\s*)(['\"]?)([^\\s'\"`;&|]+)\\1").matcher(args);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    private static boolean postgres(String client) {
        return client.startsWith("p");
    }
}
