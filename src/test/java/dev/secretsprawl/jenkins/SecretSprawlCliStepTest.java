package dev.secretsprawl.jenkins;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        Object status = jenkins.run("secretSprawlCli", Map.of("jar", "/opt/sprawl/sprawl.jar", "javaOpts", List.of(),
                "args", List.of("baseline", "create", "my repo")));

        assertThat(status).isEqualTo(1);
        assertThat(jenkins.scripts()).containsExactly("java -jar /opt/sprawl/sprawl.jar baseline create 'my repo'");
    }

    @Test
    void shouldAskForArgumentsAsAList() {
        assertThatThrownBy(() -> jenkins.run("secretSprawlCli", Map.of("args", "rules")))
                .hasMessageStartingWith("secretSprawlCli: pass the sprawl arguments as a list");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void shouldHandEveryWordToTheProgramUnchangedThroughARealShell(@TempDir Path dir) throws Exception {
        // a stand-in for java that prints the arguments it received, one per line
        Path fakeJava = dir.resolve("fake java");
        Files.writeString(fakeJava, "printf '%s\\n' \"$@\"\n");
        List<String> words = List.of("it's", "two  spaces", "$HOME", "`id`", "*", "a;b|c&d", "~", "", "back\\slash",
                "\"quoted\"", "100%");
        String command = (String) jenkins.step("secretSprawlCli").invokeMethod("commandLine",
                new Object[]{Map.of("jar", "/opt/sprawl/sprawl.jar", "java", "sh", "javaOpts", List.of(fakeJava.toString())),
                        words, true});

        Process shell = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.waitFor()).isZero();
        assertThat(out.split("\n", -1)).containsExactlyElementsOf(concat(List.of("-jar", "/opt/sprawl/sprawl.jar"), words, List.of("")));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
    }
}
