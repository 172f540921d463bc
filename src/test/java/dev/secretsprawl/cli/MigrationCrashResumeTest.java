package dev.secretsprawl.cli;

import dev.secretsprawl.migrate.CrashPoint;
import dev.secretsprawl.migrate.ledger.Ledger;
import dev.secretsprawl.migrate.ledger.LedgerRecord;
import dev.secretsprawl.migrate.ledger.Step;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.testing.ScramPostgres;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills {@code migrate apply} (a real child JVM, halted without cleanup) at every step boundary, then runs it
 * again: the migration must finish with each step journaled once, the store holding exactly the legacy and the
 * rotated version, PostgreSQL accepting only the new password, and the files rewritten once.
 */
class MigrationCrashResumeTest {
    private static ScramPostgres pg;

    @TempDir
    Path repo;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        pg = ScramPostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @AfterEach
    void environment() {
        Environment.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"after-ledger:planned", "before-ledger:stored", "after-ledger:stored",
            "before-ledger:validated", "after-ledger:validated", "after-file:rewritten", "before-ledger:rewritten",
            "after-ledger:rewritten", "before-store:rotation-staged", "after-store:rotation-staged",
            "before-ledger:rotated", "after-ledger:rotated", "before-ledger:revoked", "after-ledger:revoked",
            "before-ledger:verified", "after-ledger:verified", "before-ledger:closed"})
    void shouldFinishAfterACrashWithoutDuplicatesOrLoss(String crashAt) throws Exception {
        String legacy = ScramPostgres.password();
        String role = pg.createRole(legacy);
        Map<String, String> env = Map.of("SPRAWL_HOME", work.resolve("home").toString(),
                "SPRAWL_ADMIN_POSTGRES_PASSWORD", pg.adminPassword());
        Environment.add(env);
        MigrationEndToEndTest.write(repo, legacy, role, pg.port());
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("app").setAuthor("dev", "dev@example.com").setCommitter("dev", "dev@example.com")
                    .setSign(false).call();
        }
        Path plan = work.resolve("plan.json");
        assertThat(CliRun.of("migrate", "plan", repo.toString(), "--output", plan.toString()).exitCode()).isZero();
        assertThat(Files.readString(plan)).as("one planned credential").contains("\"secretHash\"");
        List<String> apply = List.of("migrate", "apply", plan.toString(), "--rotate",
                "--admin", "postgres=postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres");

        Path childLog = work.resolve("child.log");
        int crashed = child(apply, env, crashAt, childLog);
        CliRun resumed = CliRun.of(apply.toArray(String[]::new));

        assertThat(crashed).as("the child was halted at " + crashAt + "; it printed:\n" + Files.readString(childLog))
                .isEqualTo(CrashPoint.EXIT);
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        List<Step> steps = Ledger.open(repo.resolve(".sprawl/ledger.jsonl")).records().stream().map(LedgerRecord::step).toList();
        assertThat(steps).containsExactly(Step.PLANNED, Step.STORED, Step.VALIDATED, Step.REWRITTEN, Step.ROTATION_STAGED,
                Step.ROTATED, Step.REVOKED, Step.VERIFIED, Step.CLOSED);
        try (SecretStore store = Stores.open(Destination.parse("file://"), env)) {
            String name = Ledger.open(repo.resolve(".sprawl/ledger.jsonl")).records().get(0).credential();
            var current = store.current(name).orElseThrow();
            assertThat(current.version()).isEqualTo(2);
            assertThat(store.version(name, 1).orElseThrow().reveal()).isEqualTo(legacy);
            assertThat(pg.accepts(role, legacy)).isFalse();
            assertThat(pg.accepts(role, current.value().orElseThrow().reveal())).isTrue();
        }
        for (String f : List.of(".env", "Jenkinsfile", ".github/workflows/ci.yml")) {
            assertThat(Files.readString(repo.resolve(f))).doesNotContain(legacy);
        }
        assertThat(CliRun.of("gate", repo.toString()).exitCode()).isZero();
    }

    /** Runs the CLI in a child JVM that halts at CRASH_AT, as a kill would stop it. */
    private static int child(List<String> args, Map<String, String> env, String crashAt, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.secretsprawl.cli.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put(CrashPoint.ENV, crashAt);
        pb.environment().put("XDG_CONFIG_HOME", Path.of("target", "xdg").toAbsolutePath().toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child apply did not stop within 120 s");
        }
        return p.exitValue();
    }

}
