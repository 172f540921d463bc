package dev.secretsprawl.verify.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds database addresses written as URLs in text: {@code postgres[ql]://user:pass@host:port/db},
 * {@code mysql://}, {@code mariadb://} (with SQLAlchemy-style {@code +driver}), JDBC URLs with
 * {@code ?user=&password=} properties, other JDBC URLs (so a password in one can be answered "no check for
 * jdbc:X"), and Go MySQL DSNs {@code user:pass@tcp(host:port)/db}, whose password Go's MySQL driver takes
 * literally (it does not percent-decode it, so neither may we).
 */
final class ConnectionUris {
    private static final Pattern DB_URL = Pattern.compile(
            "(?i)(jdbc:)?(postgres(?:ql)?|pgsql|mysql[x2]?|mariadb)(?:\\+[a-z0-9]{1,20})?://([^\\s\"'`<>]*)");
    private static final Pattern OTHER_JDBC = Pattern.compile("(?i)jdbc:([a-z][a-z0-9]{0,20}):([^\\s\"'`<>]*)");
    private static final Pattern GO_DSN = Pattern.compile(
            "(?:^|[\\s\"'`=])([A-Za-z0-9_.-]{1,64}):([^\\s\"'`@/]{1,200})@(tcp6?|unix)\\(([^)]*)\\)(?:/([\\w$-]*))?");

    private ConnectionUris() {
    }

    /**
     * Every address in the text, in order. {@code secret} only helps split a userinfo whose password holds
     * characters that also delimit URLs ({@code ?}, {@code #}).
     */
    static List<WrittenUrl> find(String text, String secret) {
        List<WrittenUrl> found = new ArrayList<>();
        Matcher m = DB_URL.matcher(text);
        while (m.find()) {
            String scheme = m.group(2).toLowerCase(Locale.ROOT);
            WrittenUrl.Encoding encoding = m.group(1) == null ? WrittenUrl.Encoding.URI : WrittenUrl.Encoding.JDBC;
            found.add(parse(scheme, DatabaseKind.named(scheme), m.group(3), secret, lineOf(text, m.start()), encoding));
        }
        Matcher j = OTHER_JDBC.matcher(text);
        while (j.find()) {
            String sub = j.group(1).toLowerCase(Locale.ROOT);
            if (DatabaseKind.named(sub).isEmpty()) {
                found.add(otherJdbc(sub, j.group(2), lineOf(text, j.start())));
            }
        }
        Matcher g = GO_DSN.matcher(text);
        while (g.find()) {
            found.add(goDsn(g, lineOf(text, g.start())));
        }
        return found;
    }

    private static WrittenUrl parse(String scheme, Optional<DatabaseKind> kind, String rest, String secret, int line,
                                    WrittenUrl.Encoding encoding) {
        int at = userinfoEnd(rest, secret);
        String userinfo = at < 0 ? "" : rest.substring(0, at);
        String afterAt = at < 0 ? rest : rest.substring(at + 1);
        int hostEnd = indexOfAny(afterAt, "/?;#", 0);
        String hostPort = afterAt.substring(0, hostEnd < 0 ? afterAt.length() : hostEnd);
        String tail = hostEnd < 0 ? "" : afterAt.substring(hostEnd);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (!userinfo.isEmpty()) {
            int colon = userinfo.indexOf(':');
            user = nonEmpty(decode(colon < 0 ? userinfo : userinfo.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : nonEmpty(userinfo.substring(colon + 1));
        }
        Optional<String> database = Optional.empty();
        if (tail.startsWith("/")) {
            int end = indexOfAny(tail, "?;#", 1);
            database = nonEmpty(decode(tail.substring(1, end < 0 ? tail.length() : end)));
        }
        for (String[] kv : properties(tail, "[?&;]")) {
            String key = kv[0].toLowerCase(Locale.ROOT);
            if (user.isEmpty() && (key.equals("user") || key.equals("username"))) {
                user = nonEmpty(decode(kv[1]));
            } else if (password.isEmpty() && (key.equals("password") || key.equals("pwd"))) {
                password = nonEmpty(kv[1]);
            }
        }
        String firstHost = hostPort.split(",", -1)[0];
        return new WrittenUrl(scheme, kind, host(firstHost), port(firstHost), user, database, password, line, encoding);
    }

    /** The {@code @} ending the userinfo: after {@code :secret} when the secret is there, else the last before the path. */
    private static int userinfoEnd(String rest, String secret) {
        if (!secret.isEmpty()) {
            int i = rest.indexOf(":" + secret + "@");
            if (i >= 0) {
                return i + secret.length() + 1;
            }
        }
        int pathStart = indexOfAny(rest, "/?", 0);
        return rest.lastIndexOf('@', (pathStart < 0 ? rest.length() : pathStart) - 1);
    }

    private static WrittenUrl otherJdbc(String sub, String rest, int line) {
        Optional<String> password = Optional.empty();
        for (String[] kv : properties(rest, "[?&;:]")) {
            String key = kv[0].toLowerCase(Locale.ROOT);
            if (key.endsWith("password") || key.equals("pwd")) {
                password = nonEmpty(kv[1]);
            }
        }
        return new WrittenUrl(sub, Optional.empty(), "", OptionalInt.empty(), Optional.empty(), Optional.empty(),
                password, line, WrittenUrl.Encoding.JDBC);
    }

    private static WrittenUrl goDsn(Matcher g, int line) {
        boolean tcp = g.group(3).startsWith("tcp");
        String address = tcp ? g.group(4) : "";
        return new WrittenUrl("mysql", Optional.of(DatabaseKind.MYSQL), host(address), port(address),
                nonEmpty(g.group(1)), nonEmpty(g.group(5) == null ? "" : g.group(5)), nonEmpty(g.group(2)), line,
                WrittenUrl.Encoding.LITERAL);
    }

    /** {@code key=value} pairs after {@code ?}, split where this pattern says ({@code ;} and {@code :} for SQL Server, DB2). */
    private static List<String[]> properties(String tail, String separators) {
        List<String[]> out = new ArrayList<>();
        for (String part : tail.replace("&amp;", "&").split(separators)) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.add(new String[] {part.substring(0, eq).trim(), part.substring(eq + 1)});
            }
        }
        return out;
    }

    private static String host(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort : hostPort.substring(1, close);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static OptionalInt port(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.lastIndexOf(']') > colon) {
            return OptionalInt.empty();
        }
        return Hosts.port(hostPort.substring(colon + 1));
    }

    /** Percent-decoding as URIs use it; {@code +} stays a plus. Text that is not valid encoding stays as written. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
