package dev.secretsprawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretsprawl.testing.ScramPostgres;
import dev.secretsprawl.testing.VaultDouble;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's end-to-end proof on real servers: one PostgreSQL password used in a .env, a Jenkinsfile and a
 * GitHub Actions workflow; plan; apply to Vault (KV v2 as documented, a WireMock double) with and without
 * --rotate; the files rewritten and rescanning clean; PostgreSQL itself deciding which password works; and the
 * gate passing only once the legacy password is dead.
 */
class MigrationEndToEndTest {
    private static ScramPostgres pg;
    private static VaultDouble vault;

    @TempDir
    Path repo;

    @TempDir
    Path work;

    private String legacy;
    private String role;
    /** Each test migrates to its own Vault path: the double lives for the whole class. */
    private String prefix;

    @BeforeAll
    static void servers() throws Exception {
        pg = ScramPostgres.start();
        vault = new VaultDouble().start();
    }

    @AfterAll
    static void stop() throws Exception {
        vault.close();
        pg.close();
    }

    @BeforeEach
    void repository() throws Exception {
        legacy = ScramPostgres.password();
        role = pg.createRole(legacy);
        prefix = "ci/" + role;
        Environment.add(Map.of("VAULT_ADDR", vault.baseUrl(), "VAULT_TOKEN", vault.rootToken(),
                "SPRAWL_ADMIN_POSTGRES_PASSWORD", pg.adminPassword(), "SPRAWL_HOME", work.resolve("home").toString()));
        write(repo, legacy, role, pg.port());
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("app with its database password").setAuthor("dev", "dev@example.com")
                    .setCommitter("dev", "dev@example.com").setSign(false).call();
        }
    }

    @AfterEach
    void environment() {
        Environment.reset();
    }

    /** The same password in three places, with its host and user written next to it in the .env. */
    static void write(Path repo, String password, String role, int port) throws Exception {
        Files.writeString(repo.resolve(".env"), "DB_DRIVER=postgresql\nDB_HOST=127.0.0.1\nDB_PORT=" + port + "\nDB_USER=" + role
                + "\nDB_PASSWORD=" + password + "\nLOG_LEVEL=info\n");
        Files.writeString(repo.resolve("Jenkinsfile"), """
                pipeline {
                  agent any
                  environment {
                    PGPASSWORD = '%s'
                  }
                  stages {
                    stage('migrate') {
                      steps {
                        sh 'psql -h 127.0.0.1 -p %d -U %s -c "select 1"'
                      }
                    }
                  }
                }
                """.formatted(password, port, role));
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(repo.resolve(".github/workflows/ci.yml"), """
                name: ci
                on: push
                jobs:
                  db:
                    runs-on: ubuntu-latest
                    env:
                      PGPASSWORD: %s
                    steps:
                      - run: psql -h 127.0.0.1 -p %d -U %s -c "select 1"
                """.formatted(password, port, role));
    }

    private CliRun plan(Path planFile) {
        return CliRun.of("migrate", "plan", repo.toString(), "--to", "vault:///secret/" + prefix, "--owner", "team-db",
                "--output", planFile.toString());
    }

    private String allFiles() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    @Test
    void shouldRotateIntoVaultAndPassTheGateOnceTheLegacyPasswordIsDead() throws Exception {
        Path planFile = work.resolve("plan.json");
        CliRun plan = plan(planFile);
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode planJson = new ObjectMapper().readTree(planFile.toFile());
        assertThat(planJson.path("credentials")).hasSize(1);
        String name = planJson.path("credentials").path(0).path("name").asText();
        assertThat(planJson.path("credentials").path(0).path("consumers")).hasSize(3);
        assertThat(planJson.path("credentials").path(0).path("rotation").path("mode").asText()).isEqualTo("automatic");

        CliRun apply = CliRun.of("migrate", "apply", planFile.toString(), "--rotate",
                "--admin", "postgres=postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres");

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains(name).contains("closed");
        String rewritten = allFiles();
        assertThat(rewritten).doesNotContain(legacy);
        assertThat(Files.readString(repo.resolve(".github/workflows/ci.yml"))).contains("${{ secrets." + name + " }}");
        assertThat(Files.readString(repo.resolve("Jenkinsfile"))).contains("credentials('");
        assertThat(CliRun.of("scan", "dir", repo.toString(), "-q").exitCode()).as("rescan of the rewritten tree").isZero();

        String stored = vault.value("secret", prefix + "/" + name, 2).orElseThrow();
        assertThat(vault.value("secret", prefix + "/" + name, 1)).contains(legacy);
        assertThat(vault.customMetadata("secret", prefix + "/" + name))
                .containsKeys("source", "fingerprint", "owner", "migration-id", "migrated-at").containsEntry("owner", "team-db");
        assertThat(pg.accepts(role, legacy)).as("legacy password").isFalse();
        assertThat(pg.accepts(role, stored)).as("new password").isTrue();

        CliRun gate = CliRun.of("gate", repo.toString());
        assertThat(gate.exitCode()).as(gate.out() + gate.err()).isZero();
        assertThat(gate.out()).contains("legacy-dead").contains(name);

        CliRun status = CliRun.of("migrate", "status", repo.toString());
        assertThat(status.out()).contains(name).contains("closed");
        for (CliRun run : List.of(plan, apply, gate, status)) {
            assertThat(run.out() + run.err()).doesNotContain(legacy).doesNotContain(stored);
        }
        assertThat(Files.readString(planFile)).doesNotContain(legacy);
        assertThat(Files.readString(repo.resolve(".sprawl/ledger.jsonl"))).doesNotContain(legacy).doesNotContain(stored);
    }

    @Test
    void shouldFailTheGateNamingTheLiveLegacyCredentialWithoutRotate() throws Exception {
        Path planFile = work.resolve("plan.json");
        assertThat(plan(planFile).exitCode()).isZero();
        String name = new ObjectMapper().readTree(planFile.toFile()).path("credentials").path(0).path("name").asText();

        CliRun apply = CliRun.of("migrate", "apply", planFile.toString(), "--commit-branch", "sprawl/move-db-password");

        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("reissue-task").contains("legacy live");
        assertThat(apply.err()).contains("Committed 5 file(s) on branch sprawl/move-db-password");
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.getRepository().getBranch()).isEqualTo("sprawl/move-db-password");
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(git.log().setMaxCount(1).call().iterator().next().getFullMessage()).contains("vault://");
        }
        assertThat(allFiles()).doesNotContain(legacy);
        assertThat(vault.value("secret", prefix + "/" + name, 1)).contains(legacy);
        assertThat(pg.accepts(role, legacy)).isTrue();

        CliRun gate = CliRun.of("gate", repo.toString(), "--format", "text");

        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).contains("legacy-live").contains(name).contains("team-db");
        assertThat(gate.out() + gate.err()).doesNotContain(legacy);

        CliRun grace = CliRun.of("gate", repo.toString(), "--cutover", "2999-01-01");
        assertThat(grace.exitCode()).isZero();
        assertThat(grace.out()).contains("warn").contains("legacy-live");
    }

    @Test
    void shouldApplyTwiceWithoutASecondVersionOrDuplicateSteps() throws Exception {
        Path planFile = work.resolve("plan.json");
        assertThat(plan(planFile).exitCode()).isZero();
        String name = new ObjectMapper().readTree(planFile.toFile()).path("credentials").path(0).path("name").asText();
        String[] apply = {"migrate", "apply", planFile.toString(), "--rotate",
                "--admin", "postgres=postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres"};
        assertThat(CliRun.of(apply).exitCode()).isZero();
        String ledger = Files.readString(repo.resolve(".sprawl/ledger.jsonl"));
        Map<String, String> files = new HashMap<>();
        for (String f : List.of(".env", "Jenkinsfile", ".github/workflows/ci.yml")) {
            files.put(f, Files.readString(repo.resolve(f)));
        }

        CliRun again = CliRun.of(apply);

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("closed");
        assertThat(vault.currentVersion("secret", prefix + "/" + name)).isEqualTo(2);
        assertThat(Files.readString(repo.resolve(".sprawl/ledger.jsonl"))).isEqualTo(ledger);
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertThat(Files.readString(repo.resolve(f.getKey()))).isEqualTo(f.getValue());
        }
    }
}
