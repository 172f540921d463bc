package dev.secretsprawl.migrate.rotate.broker;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ManagementApiTest {
    @Test
    void shouldChooseTheBrokerByTheSchemesPrefix() {
        assertThat(ManagementApi.of(URI.create("qpid+https://mq.internal:8443"))).containsInstanceOf(QpidManagement.class);
        assertThat(ManagementApi.of(URI.create("rabbitmq+http://mq.internal:15672"))).containsInstanceOf(RabbitMqManagement.class);
    }

    @Test
    void shouldChooseTheBrokerByItsParameterAndTakePlainHttpForRabbitMq() {
        assertThat(ManagementApi.of(URI.create("http://mq.internal:8080?broker=qpid"))).containsInstanceOf(QpidManagement.class);
        assertThat(ManagementApi.of(URI.create("https://mq.internal:15671"))).containsInstanceOf(RabbitMqManagement.class);
    }

    @Test
    void shouldKeepThePathOfAnApiBehindAProxyAndDropTheParameter() {
        assertThat(ManagementApi.of(URI.create("rabbitmq+https://ops.internal/rabbitmq/?broker=rabbitmq")).orElseThrow().base())
                .isEqualTo(URI.create("https://ops.internal/rabbitmq"));
    }

    @Test
    void shouldRefuseWhatIsNoManagementApi() {
        assertThat(ManagementApi.of(URI.create("amqp://mq.internal:5672"))).isEmpty();
        assertThat(ManagementApi.of(URI.create("activemq+http://mq.internal:8161"))).isEmpty();
        assertThat(ManagementApi.of(URI.create("http://mq.internal:8161?broker=artemis"))).isEmpty();
    }
}
