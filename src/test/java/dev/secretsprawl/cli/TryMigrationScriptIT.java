package dev.secretsprawl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's newcomer flow, run as a newcomer would: the example script against the built jar. */
class TryMigrationScriptIT {
    @TempDir
    Path work;

    @Test
    void shouldWalkANewcomerFromScanToGateWithTheLocalStore() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "examples/try-migration.sh").redirectErrorStream(true);
        pb.environment().put("SPRAWL_DEMO_DIR", work.toString());
        pb.environment().put("SPRAWL_JAR", Path.of("target", "sprawl.jar").toAbsolutePath().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("Planned 1 credential(s) in 3 place(s)").contains("reissue-task")
                .contains("Secret Sprawl gate FAILED").contains("The gate exited 1");
        String password = plantedPassword();
        assertThat(output).doesNotContain(password);
        assertThat(Files.readString(work.resolve("plan.json"))).doesNotContain(password);
        assertThat(Files.readString(work.resolve("app/.sprawl/ledger.jsonl"))).doesNotContain(password);
        assertThat(Files.readString(work.resolve("store/store.json"))).doesNotContain(password);
        assertThat(Files.readString(work.resolve("app/.github/workflows/ci.yml"))).contains("${{ secrets.");
    }

    /** The script's made-up password, read back from the repository's first commit. */
    private String plantedPassword() throws Exception {
        Process show = new ProcessBuilder("git", "-C", work.resolve("app").toString(), "show", "HEAD:.env").start();
        String env = new String(show.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("DB_PASSWORD=(\\S+)").matcher(env);
        assertThat(m.find()).as("the demo's .env at its first commit").isTrue();
        return m.group(1);
    }
}
