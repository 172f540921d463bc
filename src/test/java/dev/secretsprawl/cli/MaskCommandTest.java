package dev.secretsprawl.cli;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.scan.Detector;
import dev.secretsprawl.scan.KnownSecrets;
import dev.secretsprawl.scan.SecretHasher;
import dev.secretsprawl.source.log.LogMasker;
import dev.secretsprawl.testing.SyntheticCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MaskCommandTest {
    private static final String ESC = "\u001b";
    private final SyntheticCredentials tokens = SyntheticCredentials.random();

    private static String mask(String log, String... args) {
        List<String> all = new ArrayList<>(List.of("mask"));
        all.addAll(List.of(args));
        CliRun run = CliRun.withInput(log.getBytes(StandardCharsets.UTF_8), all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldLeaveNoPlantedValueNorItsEncodedFormsAndKeepEveryLine() {
        String pat = tokens.next("github-pat");
        String npm = tokens.next("npm");
        String password = "Zq7!" + tokens.base62(14);
        String log = String.join("\n",
                "[2026-11-22T10:00:00.123Z] + export GITHUB_TOKEN=" + pat,
                "2026-11-22T10:00:01.1234567Z " + ESC + "[32m//registry.npmjs.org/:_authToken=" + npm + ESC + "[0m",
                "+ curl -H 'Authorization: Basic " + b64("ci:" + pat) + "' https://api.internal",
                "POST /hook?token=" + URLEncoder.encode(pat, StandardCharsets.UTF_8),
                "DB_PASSWORD=\"" + password + "\"",
                "echo " + password,                         // learned above: masked when printed alone
                "echo " + b64(password),                    // and in its base64 form
                "{\"msg\":\"retrying with " + npm + "\"}",
                "",
                "done") + "\n";
        String out = mask(log);
        assertThat(out.split("\n", -1)).hasSize(log.split("\n", -1).length);
        for (String value : List.of(pat, npm, password)) {
            assertThat(out).doesNotContain(value).doesNotContain(b64(value))
                    .doesNotContain(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        assertThat(out).doesNotContain(b64("ci:" + pat).substring(4, 40));
        assertThat(out.lines().toList()).startsWith(
                "[2026-11-22T10:00:00.123Z] + export GITHUB_TOKEN=****",
                "2026-11-22T10:00:01.1234567Z " + ESC + "[32m//registry.npmjs.org/:_authToken=****" + ESC + "[0m");
        assertThat(out).contains("echo ****\n").contains("\n\ndone\n");
    }

    @Test
    void shouldMaskASecretSplitByColourCodesAndKeepTheCodes() {
        String pat = tokens.next("github-pat");
        String out = mask("token " + pat.substring(0, 10) + ESC + "[1m" + pat.substring(10) + ESC + "[0m rest\n");
        assertThat(out).isEqualTo("token ****" + ESC + "[1m" + ESC + "[0m rest\n");
    }

    @Test
    void shouldMaskEveryLineOfAPrivateKeyBlock() {
        String key = tokens.next("rsa-private-key");
        StringBuilder log = new StringBuilder("$ cat deploy.pem\n");
        for (String line : key.split("\n")) {
            log.append("[2026-11-22T10:00:00.000Z] ").append(line).append('\n');
        }
        log.append("after\n");
        String out = mask(log.toString());
        String[] body = key.split("\n");
        for (int i = 1; i < body.length - 1; i++) {
            assertThat(out).doesNotContain(body[i]);
        }
        assertThat(out).startsWith("$ cat deploy.pem\n[2026-11-22T10:00:00.000Z] ****\n").endsWith("after\n");
        assertThat(out.split("\n")).hasSize(body.length + 2);
    }

    @Test
    void shouldMaskTheValuesOfNamedEnvironmentVariables() {
        String path = System.getenv("PATH");
        String out = mask("PATH is " + path + "\n", "--secret-env", "PATH");
        assertThat(out).isEqualTo("PATH is ****\n");
        CliRun unset = CliRun.withInput(new byte[0], "mask", "--secret-env", "SPRAWL_SURELY_NOT_SET_42");
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("SPRAWL_SURELY_NOT_SET_42").contains("not set");
    }

    @Test
    void shouldPassCleanTextThroughUnchanged() {
        String log = "[INFO] BUILD SUCCESS\r\n" + ESC + "[1mTotal time:" + ESC + "[m 3.2 s\nno newline at the end";
        assertThat(mask(log)).isEqualTo("[INFO] BUILD SUCCESS\n" + ESC + "[1mTotal time:" + ESC + "[m 3.2 s\nno newline at the end\n");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldWriteEachLineAsSoonAsItArrivesInALivePipe() throws Exception {
        String pat = tokens.next("github-pat");
        PipedOutputStream producer = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(producer, 1 << 16);
        LineWatcher out = new LineWatcher();
        LogMasker masker = new LogMasker(new Detector(RuleLoader.bundled(), SecretHasher.fromEnvironment()), new KnownSecrets(), 2);
        CompletableFuture<LogMasker.MaskStats> running = CompletableFuture.supplyAsync(() -> {
            try {
                return masker.mask(in, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        producer.write(("step 1 GITHUB_TOKEN=" + pat + "\n").getBytes(StandardCharsets.UTF_8));
        producer.flush();
        // the input stays open: the masked line must come out before any more input or the end of it
        assertThat(out.awaitText("step 1 GITHUB_TOKEN=****\n")).isTrue();
        producer.write("step 2\n".getBytes(StandardCharsets.UTF_8));
        producer.flush();
        assertThat(out.awaitText("step 2\n")).isTrue();
        producer.close();
        assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(new LogMasker.MaskStats(2, 1));
    }

    /** Collects what the masker writes and lets the test wait for text to appear once flushed. */
    private static final class LineWatcher extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final StringBuilder flushed = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            flushed.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            notifyAll();
        }

        synchronized boolean awaitText(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!flushed.toString().contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
