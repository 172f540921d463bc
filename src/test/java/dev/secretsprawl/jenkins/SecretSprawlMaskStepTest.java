package dev.secretsprawl.jenkins;

import dev.secretsprawl.jenkins.FakeJenkins.PipelineError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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

class SecretSprawlMaskStepTest {
    private static final String JAR = "/opt/sprawl/sprawl.jar";
    private final FakeJenkins jenkins = new FakeJenkins();

    @BeforeEach
    void start() throws Exception {
        jenkins.startWithJar(JAR);
    }

    @Test
    void shouldPipeTheScriptThroughTheMaskKeepingItsExitStatus() {
        jenkins.run("secretSprawlMask", Map.of("script", List.of("./build.sh", "./deploy.sh"),
                "secretEnv", List.of("DEPLOY_TOKEN", "DB_PASSWORD")));

        assertThat(jenkins.scripts()).containsExactly("""
                set +e
                sprawl_status=$(mktemp)
                { (
                set -e
                ./build.sh
                ./deploy.sh
                ) 2>&1; echo $? > "$sprawl_status"; } | java -Xmx256m -jar /opt/sprawl/sprawl.jar mask \
                --secret-env DEPLOY_TOKEN --secret-env DB_PASSWORD
                sprawl_mask=$?
                sprawl_rc=$(cat "$sprawl_status"); rm -f "$sprawl_status"
                if [ "$sprawl_mask" -ne 0 ]; then echo "secretSprawlMask: the mask filter failed (exit $sprawl_mask); \
                output above may be missing" >&2; fi
                if [ "${sprawl_rc:-1}" -ne 0 ]; then exit "${sprawl_rc:-1}"; fi
                exit "$sprawl_mask"
                """);
    }

    @Test
    void shouldFailTheStepWithTheScriptsExitCode() {
        jenkins.shell = script -> 7;

        assertThatThrownBy(() -> jenkins.run("secretSprawlMask", Map.of("script", "make deploy")))
                .isInstanceOf(PipelineError.class)
                .hasMessage("secretSprawlMask: script returned exit code 7");
    }

    @Test
    void shouldReturnTheExitCodeWhenAskedTo() {
        jenkins.shell = script -> 7;

        Object status = jenkins.run("secretSprawlMask", Map.of("script", "make deploy", "returnStatus", true));

        assertThat(status).isEqualTo(7);
        assertThat(jenkins.result()).isEqualTo("SUCCESS");
    }

    @Test
    void shouldRefuseTheScriptFormOnWindows() {
        jenkins.unix = false;

        assertThatThrownBy(() -> jenkins.run("secretSprawlMask", Map.of("script", "build.bat")))
                .hasMessageStartingWith("secretSprawlMask: script: needs a Unix agent");
        assertThat(jenkins.calls("bat")).isEmpty();
    }

    @Test
    void shouldGiveTheClosureTheMaskCommandInSprawlMask() {
        Object result = jenkins.run("secretSprawlMask", Map.of("secretEnv", "DEPLOY_TOKEN"), args -> "body result");

        assertThat(jenkins.calls("withEnv")).singleElement().extracting(c -> c.args().get(0).toString())
                .isEqualTo("[SPRAWL_MASK=java -Xmx256m -jar /opt/sprawl/sprawl.jar mask --secret-env DEPLOY_TOKEN]");
        assertThat(jenkins.calls("body")).hasSize(1);
        assertThat(result).isEqualTo("body result");
        assertThat(jenkins.calls("sh")).isEmpty();
    }

    @Test
    void shouldQuoteTheMaskCommandForCmdOnWindows() {
        jenkins.unix = false;
        jenkins.agentFiles.add("C:\\Program Files\\sprawl\\sprawl.jar");

        jenkins.run("secretSprawlMask", Map.of("jar", "C:\\Program Files\\sprawl\\sprawl.jar"), args -> null);

        assertThat(jenkins.calls("withEnv").get(0).args().get(0).toString())
                .isEqualTo("[SPRAWL_MASK=java -Xmx256m -jar \"C:\\Program Files\\sprawl\\sprawl.jar\" mask]");
    }

    @Test
    void shouldRefuseAJarPathThatUnquotedSprawlMaskWouldSplitOnUnix() {
        jenkins.agentFiles.add("/opt/my tools/sprawl.jar");

        assertThatThrownBy(() -> jenkins.run("secretSprawlMask", Map.of("jar", "/opt/my tools/sprawl.jar"), args -> null))
                .hasMessageStartingWith("secretSprawlMask: SPRAWL_MASK is expanded without quotes, so it cannot hold "
                        + "'/opt/my tools/sprawl.jar'");
        assertThat(jenkins.calls("body")).isEmpty();
    }

    @Test
    void shouldRejectMistakesBeforeRunning() {
        assertThatThrownBy(() -> jenkins.run("secretSprawlMask", Map.of()))
                .hasMessage("secretSprawlMask: give a script: to run, or a closure");
        assertThatThrownBy(() -> jenkins.run("secretSprawlMask", Map.of("script", "make"), args -> null))
                .hasMessage("secretSprawlMask: give either script: or a closure, not both");
        assertThatThrownBy(() -> jenkins.run("secretSprawlMask", Map.of("script", "make", "secretEnv", List.of("$TOKEN"))))
                .hasMessageStartingWith("secretSprawlMask: secretEnv must name environment variables");
        assertThatThrownBy(() -> jenkins.run("secretSprawlMask", Map.of("returnStatus", true), args -> null))
                .hasMessageStartingWith("secretSprawlMask: returnStatus applies to the script: form");
        assertThat(jenkins.calls("sh")).isEmpty();
        assertThat(jenkins.calls("body")).isEmpty();
    }

    /** Runs the generated script in the agent's real /bin/sh (dash on Debian), with a stand-in for the mask command. */
    @Nested
    @DisabledOnOs(OS.WINDOWS)
    class InARealShell {
        @TempDir
        Path dir;
        private Path fakeMask;
        private int maskExit;

        @BeforeEach
        void writeFakeMask() throws IOException {
            fakeMask = dir.resolve("mask.sh");
            // replaces the value of $MASK_ME like sprawl mask would, then exits with $FAKE_MASK_EXIT
            Files.writeString(fakeMask, "sed \"s/$MASK_ME/****/g\"\nexit \"${FAKE_MASK_EXIT:-0}\"\n");
        }

        @Test
        void shouldMaskStdoutAndStderrAndKeepTheScriptsExitStatus() throws Exception {
            Run run = runInShell("echo \"deploying with $MASK_ME\"\necho \"oops $MASK_ME\" >&2\nexit 7");

            assertThat(run.status()).isEqualTo(7);
            assertThat(run.output()).contains("deploying with ****", "oops ****").doesNotContain("abc123xyz");
        }

        @Test
        void shouldStopAtTheFirstFailingCommandLikeAPlainShStep() throws Exception {
            Run run = runInShell("echo before\nfalse\necho after");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.output()).contains("before").doesNotContain("after");
        }

        @Test
        void shouldSucceedWhenTheScriptAndTheMaskSucceed() throws Exception {
            Run run = runInShell("echo fine");

            assertThat(run.status()).isZero();
            assertThat(run.output()).contains("fine");
        }

        @Test
        void shouldFailWhenTheMaskFailsEvenIfTheScriptSucceeded() throws Exception {
            maskExit = 5;

            Run run = runInShell("echo fine");

            assertThat(run.status()).isEqualTo(5);
            assertThat(run.output()).contains("secretSprawlMask: the mask filter failed (exit 5)");
        }

        private Run runInShell(String script) throws Exception {
            jenkins.shell = generated -> {
                try {
                    // Jenkins runs sh steps as `sh -xe`
                    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-xe", "-c", generated).redirectErrorStream(true);
                    pb.environment().put("MASK_ME", "abc123xyz");
                    pb.environment().put("FAKE_MASK_EXIT", String.valueOf(maskExit));
                    Process p = pb.start();
                    lastOutput = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    return p.waitFor();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            Object status = jenkins.run("secretSprawlMask", Map.of("script", script, "returnStatus", true,
                    "java", "sh", "javaOpts", List.of(fakeMask.toString()), "secretEnv", "MASK_ME"));
            return new Run((Integer) status, lastOutput);
        }

        private String lastOutput;
    }

    private record Run(int status, String output) {
    }
}
