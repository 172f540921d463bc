package dev.secretsprawl.verify.db;

import dev.secretsprawl.verify.db.ConnectionFacts.Lookup;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a database password logs in, read from the lines around it: URIs, JDBC URLs, DSNs and config blocks. */
class ConnectionFactsParserTest {
    /** Built at run time: no test source holds a credential-looking literal. */
    private static final String PW = StandInServers.password(18);

    private static ConnectionFacts found(String context, Optional<DatabaseKind> hint) {
        Lookup lookup = ConnectionFactsParser.find(context, PW, hint);
        assertThat(lookup.problem()).isEmpty();
        return lookup.facts().orElseThrow();
    }

    private static ConnectionFacts found(String context) {
        return found(context, Optional.empty());
    }

    private static String problem(String context, Optional<DatabaseKind> hint) {
        Lookup lookup = ConnectionFactsParser.find(context, PW, hint);
        assertThat(lookup.facts()).isEmpty();
        return lookup.problem();
    }

    private static void assertFacts(ConnectionFacts f, DatabaseKind kind, String host, int port, String user, String db) {
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.host()).isEqualTo(host);
        assertThat(f.port()).isEqualTo(port);
        assertThat(f.user()).isEqualTo(user);
        assertThat(f.database()).isEqualTo(Optional.ofNullable(db));
        assertThat(f.password().reveal()).isEqualTo(PW);
    }

    @Test
    void shouldReadAPostgresUri() {
        assertFacts(found("APP=1\nDATABASE_URL=postgres://billing:" + PW + "@db.internal:5432/billing\nX=2"),
                DatabaseKind.POSTGRES, "db.internal", 5432, "billing", "billing");
    }

    @Test
    void shouldUseTheDefaultPortAndIgnoreASqlAlchemyDriverAndQuery() {
        assertFacts(found("URI = 'postgresql+psycopg2://app:" + PW + "@10.0.3.7/app?sslmode=require'"),
                DatabaseKind.POSTGRES, "10.0.3.7", 5432, "app", "app");
    }

    @Test
    void shouldReadMysqlAndMariadbUris() {
        assertFacts(found("DB_DSN=mysql://shop:" + PW + "@mysql-primary/shop"), DatabaseKind.MYSQL, "mysql-primary", 3306, "shop", "shop");
        assertFacts(found("MARIADB_URL=mariadb://ops:" + PW + "@maria.internal:3307"), DatabaseKind.MYSQL, "maria.internal", 3307, "ops", null);
    }

    @Test
    void shouldPercentDecodeUserAndPasswordOfAUri() {
        String encoded = PW.substring(0, 6) + "%40" + PW.substring(6, 12) + "%2F" + PW.substring(12);
        Lookup lookup = ConnectionFactsParser.find("postgres://ops%40corp:" + encoded + "@db/app", encoded, Optional.empty());

        assertThat(lookup.facts().orElseThrow().user()).isEqualTo("ops@corp");
        assertThat(lookup.facts().orElseThrow().password().reveal())
                .isEqualTo(PW.substring(0, 6) + "@" + PW.substring(6, 12) + "/" + PW.substring(12));
        assertThat(lookup.facts().orElseThrow().doubt()).isEmpty();
    }

    @Test
    void shouldDoubtARejectionOfAJdbcUrlPasswordThatMayBePercentEncoded() {
        String written = PW.substring(0, 9) + "%41" + PW.substring(9);
        Lookup lookup = ConnectionFactsParser.find("url=jdbc:mariadb://db.internal:3306/app?user=app&password=" + written,
                written, Optional.empty());

        // pgjdbc would decode it, the MariaDB driver would not: which one the application uses is not written
        assertThat(lookup.facts().orElseThrow().doubt()).contains(ConnectionFacts.JDBC_ENCODING);
    }

    @Test
    void shouldReadUserAndPasswordPropertiesOfJdbcUrls() {
        assertFacts(found("spring.datasource.url=jdbc:postgresql://pg.internal:5432/orders?user=orders&password=" + PW + "&ssl=true"),
                DatabaseKind.POSTGRES, "pg.internal", 5432, "orders", "orders");
        assertFacts(found("<property name=\"url\" value=\"jdbc:mysql://db:3307/app?user=u1&amp;password=" + PW + "\"/>"),
                DatabaseKind.MYSQL, "db", 3307, "u1", "app");
    }

    @Test
    void shouldReadAJdbcUrlWithUserinfo() {
        assertFacts(found("url: jdbc:mysql://etl:" + PW + "@10.1.0.12:3306/warehouse?useSSL=true"),
                DatabaseKind.MYSQL, "10.1.0.12", 3306, "etl", "warehouse");
    }

    @Test
    void shouldTakeTheUserOfAJdbcUrlFromTheLineNextToIt() {
        assertFacts(found("jdbc.url=jdbc:postgresql://pg:5432/app?password=" + PW + "\njdbc.username=app"),
                DatabaseKind.POSTGRES, "pg", 5432, "app", "app");
    }

    @Test
    void shouldNotTakeTheUserOfAnotherBlockForAJdbcUrl() {
        assertThat(problem("spring.datasource.url=jdbc:postgresql://pg:5432/app?password=" + PW + "\nspring.flyway.user=admin",
                Optional.empty())).isEqualTo("no user next to the password");
    }

    @Test
    void shouldSayWhichJdbcSubprotocolHasNoCheck() {
        assertThat(problem("jdbc:sqlserver://sql01:1433;databaseName=erp;user=erp_app;password=" + PW + ";encrypt=true",
                Optional.empty())).isEqualTo("no check for jdbc:sqlserver");
    }

    @Test
    void shouldReadIpv6AndTakeTheFirstOfSeveralHosts() {
        ConnectionFacts v6 = found("postgres://app:" + PW + "@[::1]:5433/app");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.address()).isEqualTo("[::1]:5433");
        assertThat(found("postgresql://app:" + PW + "@h1:5432,h2:5432/app").host()).isEqualTo("h1");
    }

    @Test
    void shouldReadAGoMysqlDsn() {
        assertFacts(found("dsn := \"app:" + PW + "@tcp(127.0.0.1:3306)/shop?parseTime=true\""),
                DatabaseKind.MYSQL, "127.0.0.1", 3306, "app", "shop");
    }

    @Test
    void shouldReadALaravelEnvBlock() {
        assertFacts(found("DB_CONNECTION=pgsql\nDB_HOST=db.internal\nDB_PORT=5433\nDB_DATABASE=app\nDB_USERNAME=app_user\nDB_PASSWORD=" + PW),
                DatabaseKind.POSTGRES, "db.internal", 5433, "app_user", "app");
    }

    @Test
    void shouldReadLibpqEnvironmentVariables() {
        assertFacts(found("export PGHOST=pg.internal\nexport PGUSER=report\nexport PGPASSWORD='" + PW + "'\nexport PGDATABASE=reports"),
                DatabaseKind.POSTGRES, "pg.internal", 5432, "report", "reports");
    }

    @Test
    void shouldPairARootPasswordWithRootAndNotWithTheAppUser() {
        ConnectionFacts f = found("MYSQL_HOST=db\nMYSQL_USER=app\nMYSQL_PASSWORD=other-value\nMYSQL_ROOT_PASSWORD=" + PW);
        assertFacts(f, DatabaseKind.MYSQL, "db", 3306, "root", null);
        // "root" is guessed from the key's name: a rejection could be for a user that was never meant
        assertThat(f.doubt()).contains(ConnectionFacts.NOT_PAIRED);
    }

    @Test
    void shouldNotPairThePasswordWithAUserOfAnotherBlock() {
        assertThat(problem("ADMIN_USER=admin\nDB_HOST=pg.internal\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.POSTGRES)))
                .isEqualTo("no user next to the password");
    }

    @Test
    void shouldReadARailsDatabaseYml() {
        assertFacts(found("production:\n  adapter: postgresql\n  host: pg.internal\n  port: 5432\n  database: app\n"
                + "  username: app\n  password: \"" + PW + "\"\n"), DatabaseKind.POSTGRES, "pg.internal", 5432, "app", "app");
    }

    @Test
    void shouldReadSpringPropertiesWithTheJdbcUrlOnItsOwnLine() {
        assertFacts(found("spring.datasource.url=jdbc:mariadb://maria.internal:3306/shop\nspring.datasource.username=shop\n"
                + "spring.datasource.password=" + PW + "\n"), DatabaseKind.MYSQL, "maria.internal", 3306, "shop", "shop");
    }

    @Test
    void shouldReadSpringYaml() {
        assertFacts(found("spring:\n  datasource:\n    url: jdbc:postgresql://pg:6432/app\n    username: app\n    password: " + PW + "\n"),
                DatabaseKind.POSTGRES, "pg", 6432, "app", "app");
    }

    @Test
    void shouldReadDjangoSettings() {
        assertFacts(found("    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n"
                + "        'USER': 'django',\n        'PASSWORD': '" + PW + "',\n        'HOST': 'pg.internal',\n        'PORT': '5432',\n"),
                DatabaseKind.POSTGRES, "pg.internal", 5432, "django", null);
    }

    @Test
    void shouldTakeTheKindFromTheIssuerWhenTheContextDoesNotSay() {
        assertThat(found("host: db\nuser: app\npassword: " + PW, Optional.of(DatabaseKind.MYSQL)).kind()).isEqualTo(DatabaseKind.MYSQL);
    }

    @Test
    void shouldSayWhenNothingNamesTheServerKind() {
        assertThat(problem("host: files.internal\nuser: app\npassword: " + PW, Optional.empty()))
                .isEqualTo("nothing next to the password says which database server it is for");
    }

    @Test
    void shouldTakeAHostOfAnotherBlockOnlyWhenItIsTheOnlyOne() {
        ConnectionFacts f = found("DATABASE_HOST=pg.internal\nDB_USER=app\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.POSTGRES));
        assertThat(f.host()).isEqualTo("pg.internal");
        assertThat(f.doubt()).contains(ConnectionFacts.NOT_PAIRED);
        assertThat(problem("REDIS_HOST=cache\nSMTP_HOST=mail\nDB_USER=app\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.POSTGRES)))
                .isEqualTo("no host next to the password");
    }

    @Test
    void shouldLeaveThePasswordOfAnotherServiceAloneEvenWithADatabaseNearby() {
        assertThat(problem("DATABASE_URL=postgres://app@db.internal/app\nREDIS_HOST=cache\nREDIS_USER=app\nREDIS_PASSWORD=" + PW,
                Optional.empty())).isEqualTo("nothing next to the password says which database server it is for");
        assertThat(problem("spring.datasource.url=jdbc:postgresql://pg/app\nspring.rabbitmq.host=mq\nspring.rabbitmq.username=app\n"
                + "spring.rabbitmq.password=" + PW, Optional.empty())).isEqualTo("nothing next to the password says which database server it is for");
    }

    @Test
    void shouldSayNoHostForPlaceholders() {
        assertThat(problem("DATABASE_URL=postgres://app:" + PW + "@${DB_HOST}:5432/app", Optional.of(DatabaseKind.POSTGRES)))
                .isEqualTo("no host next to the password");
        assertThat(problem("DB_HOST={{ db_host }}\nDB_USER=app\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.POSTGRES)))
                .isEqualTo("no host next to the password");
        assertThat(problem("DB_USER=app\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.POSTGRES)))
                .isEqualTo("no host next to the password");
    }

    @Test
    void shouldSayNoUserForAMissingOrPlaceholderUser() {
        assertThat(problem("mysql://:" + PW + "@db:3306/app", Optional.of(DatabaseKind.MYSQL))).isEqualTo("no user next to the password");
        assertThat(problem("DB_HOST=db\nDB_USER=${DB_USER}\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.MYSQL)))
                .isEqualTo("no user next to the password");
    }

    @Test
    void shouldNeverAssumeAPasswordThatIsNotWrittenThere() {
        assertThat(problem("DB_HOST=db\nDB_USER=app\nDB_PASSWORD=something-else-entirely", Optional.of(DatabaseKind.POSTGRES)))
                .isEqualTo("no URL or password setting next to it holds this password");
    }

    @Test
    void shouldLeaveOutADatabaseNameThatIsNotPlain() {
        assertThat(found("DB_HOST=db\nDB_USER=app\nDB_NAME=a?b&c\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.POSTGRES)).database()).isEmpty();
    }

    @Test
    void shouldScopeByKindUserHostAndPortWithoutThePassword() {
        ConnectionFacts f = found("postgres://app:" + PW + "@db.internal:5433/app");

        assertThat(f.scope()).isEqualTo("postgresql://app@db.internal:5433");
        assertThat(f.toString()).doesNotContain(PW);
    }

    @Test
    void shouldReadMysqlClientOptions() {
        assertFacts(found("mysql -h db.internal -P 3307 -u backup -p" + PW + " shop < dump.sql"),
                DatabaseKind.MYSQL, "db.internal", 3307, "backup", null);
        assertFacts(found("mysqldump --host=db.internal --user=backup --password='" + PW + "' --all-databases"),
                DatabaseKind.MYSQL, "db.internal", 3306, "backup", null);
    }

    @Test
    void shouldReadPsqlOptionsWithAPasswordInTheEnvironment() {
        assertFacts(found("sh 'PGPASSWORD=" + PW + " psql -h db.staging.internal -p 5433 -U flyway -d app -c \"select 1\"'"),
                DatabaseKind.POSTGRES, "db.staging.internal", 5433, "flyway", "app");
    }

    @Test
    void shouldSayNoHostForAClientThatUsesTheLocalSocket() {
        assertThat(problem("mysql -u root -p" + PW + " shop", Optional.empty())).isEqualTo("no host next to the password");
    }

    @Test
    void shouldTakeHostAndUserFromThePasswordsOwnYamlMappingNotAnEarlierOne() {
        ConnectionFacts f = found("redis:\n  host: cache.internal\n  username: cacheuser\ndatabase:\n  host: db.internal\n"
                + "  username: app\n  password: " + PW + "\n", Optional.of(DatabaseKind.POSTGRES));

        assertFacts(f, DatabaseKind.POSTGRES, "db.internal", 5432, "app", null);
        assertThat(f.doubt()).isEmpty();
    }

    @Test
    void shouldTakeHostAndUserFromThePasswordsOwnJsonObjectNotAnEarlierOne() {
        ConnectionFacts f = found("{\n  \"redis\": {\n    \"host\": \"cache.internal\",\n    \"username\": \"cacheuser\"\n  },\n"
                + "  \"database\": {\n    \"host\": \"db.internal\",\n    \"username\": \"app\",\n    \"password\": \"" + PW + "\"\n  }\n}\n",
                Optional.of(DatabaseKind.POSTGRES));

        assertFacts(f, DatabaseKind.POSTGRES, "db.internal", 5432, "app", null);
        assertThat(f.doubt()).isEmpty();
    }

    @Test
    void shouldTakeHostAndUserFromThePasswordsOwnYamlListItem() {
        ConnectionFacts f = found("replicas:\n  - host: pg-a.internal\n    username: reader\n    password: other-value\n"
                + "  - host: pg-b.internal\n    username: writer\n    password: " + PW + "\n", Optional.of(DatabaseKind.POSTGRES));

        assertFacts(f, DatabaseKind.POSTGRES, "pg-b.internal", 5432, "writer", null);
    }

    @Test
    void shouldNotTakeTheUserOfAnotherYamlMapping() {
        assertThat(problem("redis:\n  username: cacheuser\ndatabase:\n  host: db.internal\n  password: " + PW + "\n",
                Optional.of(DatabaseKind.POSTGRES))).isEqualTo("no user next to the password");
    }

    @Test
    void shouldLeaveAPasswordUnderAnotherServicesYamlKeyAlone() {
        assertThat(problem("spring:\n  datasource:\n    url: jdbc:postgresql://pg/app\n  rabbitmq:\n    host: mq\n"
                + "    username: app\n    password: " + PW + "\n", Optional.empty()))
                .isEqualTo("nothing next to the password says which database server it is for");
    }

    @Test
    void shouldNotTakeTheHostOfAUrlWhoseKeyNamesNoDatabase() {
        assertThat(problem("ANALYTICS_URL=postgres://analytics.internal/x\nDB_USER=app\nDB_PASSWORD=" + PW,
                Optional.of(DatabaseKind.POSTGRES))).isEqualTo("no host next to the password");
    }

    @Test
    void shouldTakeTheHostOfADatabaseUrlOfAnotherBlockButNotAsPaired() {
        ConnectionFacts f = found("DATABASE_URL=postgres://db.internal:5433/app\nDB_USER=app\nDB_PASSWORD=" + PW,
                Optional.of(DatabaseKind.POSTGRES));

        assertFacts(f, DatabaseKind.POSTGRES, "db.internal", 5433, "app", "app");
        assertThat(f.doubt()).contains(ConnectionFacts.NOT_PAIRED);
    }

    @Test
    void shouldNotTakeTheHostOfAnotherServiceEvenWhenItIsTheOnlyOne() {
        assertThat(problem("SMTP_HOST=mail.internal\nDB_USER=app\nDB_PASSWORD=" + PW, Optional.of(DatabaseKind.POSTGRES)))
                .isEqualTo("no host next to the password");
    }

    @Test
    void shouldHaveNoDoubtAboutHostAndUserWrittenWithThePassword() {
        assertThat(found("DB_CONNECTION=pgsql\nDB_HOST=db.internal\nDB_USERNAME=app\nDB_PASSWORD=" + PW).doubt()).isEmpty();
        assertThat(found("postgres://app:" + PW + "@db.internal/app").doubt()).isEmpty();
        assertThat(found("spring.datasource.url=jdbc:mariadb://maria.internal:3306/shop\nspring.datasource.username=shop\n"
                + "spring.datasource.password=" + PW + "\n").doubt()).isEmpty();
    }

    @Test
    void shouldKeepAGoDsnPasswordLiteralAsGosMysqlDriverDoes() {
        String written = PW.substring(0, 9) + "%41" + PW.substring(9);
        Lookup lookup = ConnectionFactsParser.find("dsn := \"app:" + written + "@tcp(db.internal:3306)/shop\"", written, Optional.empty());

        assertThat(lookup.facts().orElseThrow().password().reveal()).isEqualTo(written);
    }

    @Test
    void shouldKeepAPercentSignOfAConfigValueLiteral() {
        String written = PW.substring(0, 9) + "%41" + PW.substring(9);
        Lookup lookup = ConnectionFactsParser.find("DB_HOST=db\nDB_USER=app\nDB_PASSWORD=" + written, written,
                Optional.of(DatabaseKind.POSTGRES));

        assertThat(lookup.facts().orElseThrow().password().reveal()).isEqualTo(written);
    }

    @Test
    void shouldReadSettingsARailsEnvironmentMergesFromItsDefaults() {
        ConnectionFacts f = found("default: &default\n  adapter: postgresql\n  host: pg-default.internal\n  username: app\n"
                + "development:\n  <<: *default\n  database: dev\nproduction:\n  <<: *default\n  host: pg-prod.internal\n"
                + "  database: prod\n  password: " + PW + "\n");

        // its own host wins over the merged one; the merged user counts as written with the password
        assertFacts(f, DatabaseKind.POSTGRES, "pg-prod.internal", 5432, "app", "prod");
        assertThat(f.doubt()).isEmpty();
    }
}
