package dev.secretsprawl.migrate.rotate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SameServerTest {
    @Test
    void shouldAcceptTheSameHostAndPortWrittenAlike() {
        assertThat(SameServer.mismatch("postgres", "DB.internal.", 5432, "db.internal", 5432)).isEmpty();
    }

    @Test
    void shouldTakeTheLoopbackNamesAsOneHost() {
        assertThat(SameServer.mismatch("redis", "localhost", 6379, "127.0.0.1", 6379)).isEmpty();
        assertThat(SameServer.mismatch("redis", "[::1]", 6379, "localhost", 6379)).isEmpty();
    }

    @Test
    void shouldRefuseAnotherHostOrPortWithBothNamed() {
        assertThat(SameServer.mismatch("postgres", "db2.internal", 5432, "db.internal", 5432))
                .hasValue("the admin connection for postgres points at db2.internal:5432 but the password logs into db.internal:5432");
        assertThat(SameServer.mismatch("mysql", "db.internal", 3307, "db.internal", 3306))
                .hasValue("the admin connection for mysql points at db.internal:3307 but the password logs into db.internal:3306");
    }

    @Test
    void shouldCompareOnlyHostsWhenThePortsAreNotComparable() {
        assertThat(SameServer.mismatch("amqp", "mq.internal", -1, "mq.internal", -1)).isEmpty();
        assertThat(SameServer.mismatch("amqp", "10.0.0.9", -1, "mq.internal", -1))
                .hasValue("the admin connection for amqp points at 10.0.0.9 but the password logs into mq.internal");
    }
}
