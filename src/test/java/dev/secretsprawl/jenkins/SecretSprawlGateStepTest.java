package dev.secretsprawl.jenkins;

import dev.secretsprawl.jenkins.FakeJenkins.PipelineError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretSprawlGateStepTest {
    private static final String JAR = "/opt/sprawl/sprawl.jar";
    private final FakeJenkins jenkins = new FakeJenkins();

    @BeforeEach
    void start() throws Exception {
        jenkins.startWithJar(JAR);
    }

    @Test
    void shouldRunTheGateWithASarifReportByDefaultAndPass() {
        Object result = jenkins.run("secretSprawlGate", Map.of());

        assertThat(jenkins.scripts()).containsExactly("rm -f -- sprawl-gate.sarif\n"
                + "java -Xmx1g -jar " + JAR + " gate . --format sarif --output sprawl-gate.sarif");
        assertThat(jenkins.calls("archiveArtifacts")).singleElement().extracting(FakeJenkins.StepCall::map)
                .isEqualTo(Map.of("artifacts", "sprawl-gate.sarif", "allowEmptyArchive", true, "fingerprint", false));
        assertThat(result).isEqualTo(Map.of("passed", true, "report", "sprawl-gate.sarif"));
        assertThat(jenkins.result()).isEqualTo("SUCCESS");
    }

    @Test
    void shouldPassLedgerCutoverFormatAndExtraArguments() {
        jenkins.run("secretSprawlGate", Map.of("path", "services/billing api", "ledger", ".sprawl/ledger.jsonl",
                "cutover", "2027-03-31", "format", "junit", "extraArgs", List.of("--baseline", ".sprawl-baseline.json")));

        assertThat(jenkins.scripts().get(0)).isEqualTo("rm -f -- sprawl-gate.xml\n"
                + "java -Xmx1g -jar " + JAR + " gate 'services/billing api' --ledger .sprawl/ledger.jsonl"
                + " --cutover 2027-03-31 --format junit --output sprawl-gate.xml --baseline .sprawl-baseline.json");
    }

    @Test
    void shouldFailTheBuildWhenTheGateFailsAfterArchivingItsReport() {
        jenkins.shell = script -> 1;

        assertThatThrownBy(() -> jenkins.run("secretSprawlGate", Map.of("output", "gate.sarif")))
                .isInstanceOf(PipelineError.class)
                .hasMessageStartingWith("Secret Sprawl gate failed: a migrated credential's legacy copy still works or "
                        + "still sits in the code, or a new finding is neither migrated nor baselined. See gate.sarif");
        assertThat(jenkins.calls("archiveArtifacts")).hasSize(1);
        assertThat(jenkins.result()).isEqualTo("FAILURE");
    }

    @Test
    void shouldExplainUsageAndRuntimeErrors() {
        jenkins.shell = script -> 2;
        assertThatThrownBy(() -> jenkins.run("secretSprawlGate", Map.of()))
                .hasMessageStartingWith("Secret Sprawl gate failed: usage or configuration error (exit 2)");

        jenkins.shell = script -> 3;
        assertThatThrownBy(() -> jenkins.run("secretSprawlGate", Map.of()))
                .hasMessageStartingWith("Secret Sprawl gate failed: runtime error (exit 3)");
        assertThat(jenkins.calls("archiveArtifacts")).isEmpty();
    }

    @Test
    void shouldRunWithBatOnWindows() {
        jenkins.unix = false;

        jenkins.run("secretSprawlGate", Map.of("ledger", "C:\\sprawl data\\ledger.jsonl", "output", "out/gate.sarif"));

        assertThat(jenkins.scripts()).containsExactly("del /f /q out\\gate.sarif 2>nul\n"
                + "java -Xmx1g -jar " + JAR + " gate . --ledger \"C:\\sprawl data\\ledger.jsonl\""
                + " --format sarif --output out/gate.sarif");
    }

    @Test
    void shouldRejectABadCutoverOrFormatBeforeRunning() {
        assertThatThrownBy(() -> jenkins.run("secretSprawlGate", Map.of("cutover", "31.03.2027")))
                .hasMessage("secretSprawlGate: cutover must be a date written YYYY-MM-DD, not '31.03.2027'");
        assertThatThrownBy(() -> jenkins.run("secretSprawlGate", Map.of("format", "pdf")))
                .hasMessageStartingWith("secretSprawlGate: format must be one of sarif, json, junit, html, text");
        assertThat(jenkins.calls("sh")).isEmpty();
    }

    @Test
    void shouldTellHowToProvideTheJar() {
        jenkins.env.clear();

        assertThatThrownBy(() -> jenkins.run("secretSprawlGate", Map.of()))
                .hasMessageContaining("set the SPRAWL_JAR environment variable");
    }
}
