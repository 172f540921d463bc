package dev.secretsprawl.migrate.store.vault;

import dev.secretsprawl.migrate.store.StoreException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CAs to trust for Vault's TLS, as the Vault CLI takes them: {@code VAULT_CACERT} (a PEM file) or
 * {@code VAULT_CAPATH} (a folder of PEM files); then only these are trusted. Without either, the JVM's trust store.
 * {@code VAULT_SKIP_VERIFY} is deliberately not honoured: it would hand the token to whoever answers.
 */
final class VaultTls {
    private VaultTls() {
    }

    static Optional<SSLContext> fromEnvironment(Map<String, String> env) throws StoreException {
        List<Path> files = files(env);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Path file : files) {
                for (Certificate c : certificates(file)) {
                    trusted.setCertificateEntry("vault-ca-" + n++, c);
                }
            }
            if (n == 0) {
                throw new StoreException("VAULT_CACERT/VAULT_CAPATH hold no PEM certificate; point it at your Vault's "
                        + "CA certificate file");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("cannot read the CA certificates of VAULT_CACERT/VAULT_CAPATH ("
                    + e.getClass().getSimpleName() + "); give a readable PEM file");
        }
    }

    private static List<Path> files(Map<String, String> env) throws StoreException {
        List<Path> files = new ArrayList<>();
        String caCert = env.get("VAULT_CACERT");
        if (caCert != null && !caCert.isBlank()) {
            Path file = Path.of(caCert.strip());
            if (!Files.isRegularFile(file)) {
                throw new StoreException("VAULT_CACERT names " + file + ", which is not a file; give your Vault's CA "
                        + "certificate (PEM)");
            }
            files.add(file);
        }
        String caPath = env.get("VAULT_CAPATH");
        if (files.isEmpty() && caPath != null && !caPath.isBlank()) {
            try (Stream<Path> listing = Files.list(Path.of(caPath.strip()))) {
                listing.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new StoreException("VAULT_CAPATH names " + caPath.strip() + ", which is not a readable folder");
            }
        }
        return files;
    }

    private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        } catch (java.security.cert.CertificateException e) {
            return List.of(); // not a certificate (a key, a README in VAULT_CAPATH): skipped
        }
    }
}
