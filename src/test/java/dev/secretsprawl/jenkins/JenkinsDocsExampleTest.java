package dev.secretsprawl.jenkins;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sharded scan in plugin-docs/jenkins.md, run as written against the real steps. */
class JenkinsDocsExampleTest {
    private final FakeJenkins jenkins = new FakeJenkins();

    @Test
    void shouldScanEveryShardOnceWithItsOwnReports() throws Exception {
        jenkins.start();
        jenkins.agentFiles.add("/opt/sprawl/sprawl.jar");
        jenkins.env.put("SPRAWL_JAR", "/opt/sprawl/sprawl.jar");
        jenkins.shell = script -> {
            Matcher json = Pattern.compile("json:(\\S+)").matcher(script);
            if (json.find()) {
                jenkins.workspace.put(json.group(1), "{\"summary\": {\"bySeverity\": {\"critical\": 0, \"high\": 0,"
                        + " \"medium\": 0, \"low\": 0, \"info\": 0}}}");
            }
            return 0;
        };
        Object scan = jenkins.step("secretSprawlScan");
        jenkins.getHelper().registerAllowedMethod("secretSprawlScan", List.of(Map.class),
                new FakeJenkins.StepClosure(jenkins, "secretSprawlScan",
                        args -> ((groovy.lang.Script) scan).invokeMethod("call", args)));

        jenkins.loadScript(writeExample()).run();

        List<String> scans = jenkins.scripts().stream().filter(s -> s.contains(" scan dir ")).toList();
        assertThat(scans).hasSize(4);
        for (int i = 1; i <= 4; i++) {
            assertThat(scans.get(i - 1)).contains("scan dir repos --format sarif --output sprawl-" + i + ".sarif"
                    + " --report junit:sprawl-" + i + "-junit.xml --report json:sprawl-" + i + ".json")
                    .contains("--shard " + i + "/4");
        }
        assertThat(jenkins.result()).isEqualTo("SUCCESS");
    }

    private static String writeExample() throws Exception {
        String doc = Files.readString(Path.of("plugin-docs/jenkins.md"));
        String section = doc.substring(doc.indexOf("## An organisation-wide scan sharded across agents"));
        Matcher block = Pattern.compile("```groovy\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(block.find()).isTrue();
        // the @Library line loads the library on Jenkins; here the steps are registered directly
        String pipeline = block.group(1).replace("@Library('secret-sprawl') _", "");
        Path file = Path.of("target", "jenkins-docs", "shardedScan.groovy");
        Files.createDirectories(file.getParent());
        Files.writeString(file, pipeline);
        return file.toString();
    }
}
