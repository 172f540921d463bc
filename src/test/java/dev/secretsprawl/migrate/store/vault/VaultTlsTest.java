package dev.secretsprawl.migrate.store.vault;

import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.StoreException;
import dev.secretsprawl.migrate.store.StoreMetadata;
import dev.secretsprawl.migrate.store.Stores;
import dev.secretsprawl.scan.Secret;
import dev.secretsprawl.testing.VaultDouble;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Vault behind a certificate of a private CA: trusted through VAULT_CACERT, refused without it. */
class VaultTlsTest {
    private static final StoreMetadata META = new StoreMetadata("repo/.env:3", "fp-1", "team", "mig-1", Instant.now());

    @TempDir
    Path dir;
    private Path caPem;
    private VaultDouble vault;

    @BeforeEach
    void startVaultWithAPrivateCertificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=vault-double");
        Instant now = Instant.now();
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, pair.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);

        String password = UUID.randomUUID().toString();
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        keystore.setKeyEntry("vault", pair.getPrivate(), password.toCharArray(), new java.security.cert.Certificate[]{certificate});
        Path keystoreFile = dir.resolve("vault.p12");
        try (OutputStream out = Files.newOutputStream(keystoreFile)) {
            keystore.store(out, password.toCharArray());
        }
        caPem = dir.resolve("ca.pem");
        Files.writeString(caPem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        vault = new VaultDouble(keystoreFile, password).start();
    }

    @AfterEach
    void stopVault() {
        vault.close();
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("VAULT_ADDR", vault.baseUrl(),
                "VAULT_TOKEN", vault.rootToken(), "VAULT_CLIENT_TIMEOUT", "5"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void shouldTrustTheCaOfVaultCacert() throws Exception {
        try (SecretStore store = Stores.open(Destination.parse("vault:///secret/ci"), env("VAULT_CACERT", caPem.toString()))) {
            assertThat(store.write("K", new Secret("v-" + UUID.randomUUID()), META, 0)).isEqualTo(1);
        }
        assertThat(vault.customMetadata("secret", "ci/K")).containsKey("fingerprint");
    }

    @Test
    void shouldTrustTheCasOfVaultCapath() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("cas"));
        Files.writeString(folder.resolve("README"), "not a certificate");
        Files.copy(caPem, folder.resolve("ca.pem"));
        try (SecretStore store = Stores.open(Destination.parse("vault:///secret/ci"), env("VAULT_CAPATH", folder.toString()))) {
            assertThat(store.current("K")).isEmpty();
        }
    }

    @Test
    void shouldSayAnUntrustedCertificateNeedsVaultCacert() throws Exception {
        try (SecretStore store = Stores.open(Destination.parse("vault:///secret/ci"), env())) {
            assertThatThrownBy(() -> store.current("K")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("not trusted").hasMessageContaining("VAULT_CACERT")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(vault.rootToken()));
        }
    }

    @Test
    void shouldSayACacertThatIsNoFileIsNoFile() {
        assertThatThrownBy(() -> Stores.open(Destination.parse("vault:///secret/ci"),
                env("VAULT_CACERT", dir.resolve("missing.pem").toString())))
                .isInstanceOf(StoreException.class).hasMessageContaining("VAULT_CACERT").hasMessageContaining("not a file");
    }
}
