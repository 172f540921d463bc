package dev.secretsprawl.cli;

import dev.secretsprawl.testing.ScramPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrate and gate commands with the local store: usage errors, every output, and the canary on all of them. */
class MigrateCliTest {
    @TempDir
    Path repo;

    @TempDir
    Path work;

    private String legacy;
    private Path plan;

    @BeforeEach
    void tree() throws Exception {
        legacy = ScramPostgres.password();
        Environment.add(Map.of("SPRAWL_HOME", work.resolve("home").toString()));
        Files.writeString(repo.resolve(".env"), "DB_DRIVER=postgresql\nDB_HOST=127.0.0.1\nDB_PORT=1\nDB_USER=app\nDB_PASSWORD="
                + legacy + "\n");
        Files.writeString(repo.resolve("deploy.sh"), "#!/bin/sh\nexport DB_PASSWORD='" + legacy + "'\n./migrate\n");
        plan = work.resolve("plan.json");
    }

    @AfterEach
    void environment() {
        Environment.reset();
    }

    private void assertNoValueIn(String text) {
        assertThat(text).doesNotContain(legacy)
                .doesNotContain(Base64.getEncoder().encodeToString(legacy.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldShowThePlanForReviewWithoutTheValue() {
        CliRun text = CliRun.of("migrate", "plan", repo.toString(), "--format", "text", "--owner", "team-db");

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("DB_PASSWORD").contains(".env:5").contains("deploy.sh:2").contains("${DB_PASSWORD}")
                .contains("\"$DB_PASSWORD\"").contains("owner team-db");
        assertNoValueIn(text.out() + text.err());
    }

    @Test
    void shouldLeaveNoValueInAnyOutputOfApplyStatusAndGate() throws Exception {
        assertThat(CliRun.of("migrate", "plan", repo.toString(), "--output", plan.toString()).exitCode()).isZero();
        StringBuilder everything = new StringBuilder(Files.readString(plan));
        for (CliRun run : List.of(CliRun.of("migrate", "apply", plan.toString(), "--dry-run"),
                CliRun.of("migrate", "apply", plan.toString()),
                CliRun.of("migrate", "status", repo.toString()),
                CliRun.of("migrate", "status", repo.toString(), "--format", "json"))) {
            everything.append(run.out()).append(run.err());
        }
        for (String format : List.of("text", "json", "junit", "sarif", "html")) {
            Path report = work.resolve("gate." + format);
            CliRun gate = CliRun.of("gate", repo.toString(), "--format", format, "--output", report.toString());
            assertThat(gate.exitCode()).as(format).isEqualTo(1);
            everything.append(gate.out()).append(gate.err()).append(Files.readString(report));
        }
        everything.append(Files.readString(repo.resolve(".sprawl/ledger.jsonl")));
        everything.append(Files.readString(work.resolve("home/store.json")));

        assertNoValueIn(everything.toString());
        assertThat(everything).contains("legacy-unproven").contains("reissue-task");
    }

    @Test
    void shouldApplyADryRunWithoutTouchingAnything() throws Exception {
        assertThat(CliRun.of("migrate", "plan", repo.toString(), "--output", plan.toString()).exitCode()).isZero();
        String before = Files.readString(repo.resolve(".env"));

        CliRun dry = CliRun.of("migrate", "apply", plan.toString(), "--dry-run");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("Dry run").contains("store in").contains("rewrite 2 place(s)");
        assertThat(Files.readString(repo.resolve(".env"))).isEqualTo(before);
        assertThat(repo.resolve(".sprawl/ledger.jsonl")).doesNotExist();
    }

    @Test
    void shouldFailTheGateOnATamperedLedger() throws Exception {
        assertThat(CliRun.of("migrate", "plan", repo.toString(), "--output", plan.toString()).exitCode()).isZero();
        CliRun.of("migrate", "apply", plan.toString());
        Path ledger = repo.resolve(".sprawl/ledger.jsonl");
        Files.writeString(ledger, Files.readString(ledger).replace("\"version\":1", "\"version\":7"));

        CliRun gate = CliRun.of("gate", repo.toString(), "--cutover", "2999-01-01");
        CliRun status = CliRun.of("migrate", "status", repo.toString());

        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).contains("ledger-broken");
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.err()).contains("changed by hand");
    }

    @Test
    void shouldPassTheGateOnACleanTreeWithoutLedger() throws Exception {
        Path clean = Files.createDirectories(work.resolve("clean"));
        Files.writeString(clean.resolve("Jenkinsfile"), "pipeline { environment { DB = credentials('db') } }\n");

        CliRun gate = CliRun.of("gate", clean.toString());

        assertThat(gate.exitCode()).as(gate.out() + gate.err()).isZero();
        assertThat(gate.out()).contains("PASSED");
    }

    @Test
    void shouldFailTheGateOnAFindingNeitherMigratedNorBaselinedAndAcceptItOnceBaselined() throws Exception {
        Path baseline = work.resolve("baseline.json");
        assertThat(CliRun.of("gate", repo.toString()).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("baseline", "create", repo.toString(), "--output", baseline.toString()).exitCode()).isZero();

        CliRun gate = CliRun.of("gate", repo.toString(), "--baseline", baseline.toString());

        assertThat(gate.exitCode()).as(gate.out()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "migrate apply missing-plan.json",
            "migrate apply PLAN --admin postgres=postgresql://admin@db:5432/postgres",
            "migrate apply PLAN --rotate --admin not-a-spec",
            "migrate plan REPO --to s3://bucket/x",
            "migrate plan REPO --to vault://user:pw@vault:8200/secret",
            "migrate plan REPO --deadline tomorrow",
            "migrate plan REPO --format yaml",
            "gate REPO --cutover next-week",
            "gate REPO --format xml",
            "migrate status REPO --format xml"})
    void shouldExplainUsageErrorsWithExitTwo(String command) throws Exception {
        Files.writeString(plan, "{}");
        String[] args = command.replace("PLAN", plan.toString()).replace("REPO", repo.toString()).split(" ");

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("sprawl: ").doesNotContain("pw@").doesNotContain("Exception");
    }

    @Test
    void shouldTeachTheWholeFlowInHelp() {
        CliRun help = CliRun.of("migrate", "--help");

        assertThat(help.out()).contains("migrate plan").contains("migrate apply").contains("sprawl gate");
        assertThat(CliRun.of("gate", "--help").out()).contains("--cutover").contains("Exit 0 passed");
    }
}
