package dev.secretsprawl.verify.offline;

import dev.secretsprawl.rules.RuleLoader;
import dev.secretsprawl.verify.Detected;
import dev.secretsprawl.verify.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fingerprints as the tools owners use print them: keys written by ssh-keygen in each of its formats, and the
 * OpenPGP key of the rule pack's own example as gpg shows it. Skipped where the tool is not installed
 * (PrivateKeyVerifierTest computes the same fingerprints without it).
 */
class PrivateKeyToolsTest {
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final Path GPG = Path.of("/usr/bin/gpg");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} passphrase={2}")
    @CsvSource({
            "ed25519, , false, private-key-openssh",
            "rsa, , false, private-key-openssh",
            "ecdsa, , false, private-key-openssh",
            "rsa, PEM, false, private-key-pkcs1",
            "ecdsa, PEM, false, private-key-ec",
            "rsa, PKCS8, false, private-key-pkcs8",
            "ecdsa, PKCS8, false, private-key-pkcs8",
            "ed25519, , true, private-key-openssh",
    })
    void shouldPrintTheFingerprintSshKeygenPrints(String type, String format, boolean passphrase, String ruleId) throws Exception {
        Path key = sshKeygen(type, format, passphrase);
        String fingerprint = run(SSH_KEYGEN.toString(), "-l", "-f", key + ".pub").split(" ")[1];

        Verification v = check(Files.readString(key), ruleId);

        assertThat(fingerprint).startsWith("SHA256:");
        assertThat(v.detail()).contains("public key ").contains(fingerprint);
        assertThat(v.detail().startsWith("encrypted with a passphrase")).isEqualTo(passphrase);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PEM, private-key-pkcs1", "PKCS8, private-key-pkcs8-encrypted"})
    void shouldSayEncryptedForPemKeysSshKeygenLockedWithAPassphrase(String format, String ruleId) throws Exception {
        Verification v = check(Files.readString(sshKeygen("rsa", format, true)), ruleId);

        assertThat(v.detail()).startsWith("encrypted with a passphrase");
    }

    @Test
    void shouldPrintTheFingerprintGpgShowsForTheRulePacksOpenPgpExample() throws Exception {
        String armored = pgpExample(0);
        Verification v = check(armored, "private-key-pgp");
        assertThat(v.detail()).matches("EdDSA Ed25519 OpenPGP key, fingerprint [0-9A-F]{40}; .*");

        assumeTrue(Files.isExecutable(GPG), "gpg is not installed");
        Path file = dir.resolve("key.asc");
        Files.writeString(file, armored);
        Path home = Files.createDirectory(dir.resolve("gnupg"));
        String fpr = run(GPG.toString(), "--homedir", home.toString(), "--no-autostart", "--batch", "--with-colons",
                "--show-keys", file.toString()).lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
        assertThat(v.detail()).contains("fingerprint " + fpr + ";");
    }

    @Test
    void shouldSayUnknownForATruncatedOpenPgpKey() {
        List<String> lines = pgpExample(0).strip().lines().toList();
        String firstBodyLineOnly = String.join("\n", lines.get(0), "", lines.get(2), lines.get(lines.size() - 2), lines.get(lines.size() - 1));

        Verification v = check(firstBodyLineOnly, "private-key-pgp");

        assertThat(v.detail()).isEqualTo("could not parse the key: it is truncated");
    }

    private Verification check(String fileText, String ruleId) {
        Verification v = new PrivateKeyVerifier().verify(Detected.credential("home/ci/.ssh/id_key", fileText, ruleId), null);
        assertThat(v.status()).isEqualTo(Verification.Status.UNKNOWN);
        return v;
    }

    private static String pgpExample(int index) {
        return RuleLoader.bundled().find("private-key-pgp").orElseThrow().match().get(index);
    }

    private Path sshKeygen(String type, String format, boolean passphrase) throws Exception {
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "ssh-keygen is not installed");
        Path key = dir.resolve("id_" + type);
        List<String> command = new ArrayList<>(List.of(SSH_KEYGEN.toString(), "-q", "-t", type, "-C", "synthetic@test",
                "-N", passphrase ? TestKeys.randomBase64(12) : "", "-f", key.toString()));
        if (format != null) {
            command.addAll(List.of("-m", format));
        }
        run(command.toArray(String[]::new));
        return key;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command[0]), out).isZero();
        return out;
    }
}
