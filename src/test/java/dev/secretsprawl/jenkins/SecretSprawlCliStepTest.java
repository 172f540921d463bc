package dev.secretsprawl.jenkins;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretSprawlCliStepTest {
    private final FakeJenkins jenkins = new FakeJenkins();

    @BeforeEach
    void start() throws Exception {
        jenkins.start();
        jenkins.agentFiles.add("/opt/sprawl/sprawl.jar");
    }

    @Test
    void shouldRunTheGivenArgumentsWithTheJarAndReturnTheExitStatus() {
        jenkins.shell = script -> 1;

        Object status = jenkins.run("secretSprawlCli", Map.of("jar", "/opt/sprawl/sprawl.jar",
                "args", List.of("baseline", "create", "my repo")));

        assertThat(status).isEqualTo(1);
        assertThat(jenkins.scripts()).containsExactly("java -Xmx1g -jar /opt/sprawl/sprawl.jar baseline create 'my repo'");
    }
}
