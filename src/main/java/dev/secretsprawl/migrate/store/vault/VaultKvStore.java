package dev.secretsprawl.migrate.store.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.SecretStore;
import dev.secretsprawl.migrate.store.StoreConflictException;
import dev.secretsprawl.migrate.store.StoreException;
import dev.secretsprawl.migrate.store.StoreFactory;
import dev.secretsprawl.migrate.store.StoreMetadata;
import dev.secretsprawl.migrate.store.StoredValue;
import dev.secretsprawl.scan.Secret;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Logical;
import io.github.jopenlibs.vault.api.WriteOptions;
import io.github.jopenlibs.vault.response.LogicalResponse;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HashiCorp Vault KV v2 (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2): each key is the secret
 * {@code MOUNT/PREFIX/KEY} with its value in the field {@code value}. Writes are check-and-set
 * ({@code options.cas}), reads take the latest or one version, all through vault-java-driver; the
 * {@code custom_metadata} (source, fingerprint, owner, migration-id, migrated-at) goes over plain HTTP to
 * {@code MOUNT/metadata/PREFIX/KEY}, which the driver has no method for. Vault's environment is honoured:
 * {@code VAULT_ADDR}, {@code VAULT_TOKEN} or AppRole ({@code VAULT_ROLE_ID}, {@code VAULT_SECRET_ID}),
 * {@code VAULT_NAMESPACE}, {@code VAULT_CACERT}/{@code VAULT_CAPATH} ({@link VaultTls}), and
 * {@code VAULT_CLIENT_TIMEOUT} (seconds, default 30) for every call.
 * The driver hands 4xx answers back instead of throwing (5xx and transport failures it throws), so the status of
 * each answer is read here; its exception messages quote Vault's body and are never passed on.
 */
public final class VaultKvStore implements SecretStore {
    public static final String FIELD = "value";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The driver logs a notice on every client with a namespace; a CLI run should not print it. */
    private static final java.util.logging.Logger DRIVER_LOG = quiet();

    private final VaultTarget target;
    private final Map<String, String> env;
    private final Duration timeout;
    private final HttpClient client;
    private final VaultErrors errors;
    private final VaultHttp http;
    private Secret token;
    private Vault vault;

    public VaultKvStore(VaultTarget target, Map<String, String> env) throws StoreException {
        this.target = target;
        this.env = Map.copyOf(env);
        this.timeout = timeout(env);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        VaultTls.fromEnvironment(env).ifPresent(builder::sslContext);
        this.client = builder.build();
        this.errors = new VaultErrors(target.address().toString(), timeout);
        this.http = new VaultHttp(client, target.address(), timeout, env.get("VAULT_NAMESPACE"), errors);
    }

    /** Opens {@code vault://[HOST:PORT]/MOUNT/PREFIX}; checks the environment holds a credential, sends nothing. */
    public static final class Factory implements StoreFactory {
        @Override
        public String scheme() {
            return "vault";
        }

        @Override
        public SecretStore open(Destination destination, Map<String, String> env) throws IOException {
            VaultTarget target = VaultTarget.of(destination, env);
            if (!VaultLogin.configured(env)) {
                throw new StoreException("no Vault credential for " + target.describe() + ": export VAULT_TOKEN, "
                        + "or VAULT_ROLE_ID and VAULT_SECRET_ID for an AppRole login");
            }
            return new VaultKvStore(target, env);
        }
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public boolean readable() {
        return true;
    }

    @Override
    public String locate(String key) {
        return "vault kv path " + target.mount() + "/" + target.secretPath(key) + " (field " + FIELD + ")";
    }

    @Override
    public Optional<StoredValue> current(String key) throws IOException {
        String action = "reading " + target.mount() + "/" + target.secretPath(key);
        LogicalResponse response = call(action, () -> logical().read(target.logicalPath(key)));
        return present(key, action, response).map(value -> new StoredValue(version(response), Optional.of(value)));
    }

    @Override
    public Optional<Secret> version(String key, int version) throws IOException {
        if (version < 1) {
            return Optional.empty();
        }
        String action = "reading version " + version + " of " + target.mount() + "/" + target.secretPath(key);
        LogicalResponse response = call(action, () -> logical().read(target.logicalPath(key), false, version));
        return present(key, action, response);
    }

    @Override
    public int write(String key, Secret value, StoreMetadata metadata, int expectedVersion)
            throws IOException, InterruptedException {
        String action = "writing " + target.mount() + "/" + target.secretPath(key);
        WriteOptions cas = new WriteOptions().checkAndSet((long) expectedVersion).build();
        LogicalResponse response = call(action, () -> logical().write(target.logicalPath(key),
                Map.of(FIELD, value.reveal()), null, cas));
        int status = response.getRestResponse().getStatus();
        String body = body(response);
        if (status == 400 && VaultErrors.mentions(body, "check-and-set")) {
            throw new StoreConflictException(key, expectedVersion, currentVersion(key));
        }
        if (status != 200 && status != 204) {
            throw errors.answered(action, target.dataPath(key), status, body, hide(value));
        }
        int written = json(body, action).path("data").path("version").asInt(0);
        if (written < 1) {
            throw new StoreException("Vault at " + target.address() + " accepted " + action + " but answered no "
                    + "version; is " + target.mount() + " a KV version 2 engine? (vault secrets list -detailed)");
        }
        writeMetadata(key, metadata, written);
        return written;
    }

    /** {@code POST MOUNT/metadata/PREFIX/KEY} with custom_metadata: the driver cannot write metadata. */
    private void writeMetadata(String key, StoreMetadata metadata, int written) throws StoreException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode custom = body.putObject("custom_metadata");
        metadata.asMap().forEach(custom::put);
        String action = "writing the custom_metadata of " + target.mount() + "/" + target.secretPath(key)
                + " (version " + written + " is stored; run the migration again to complete it)";
        VaultHttp.Answer answer = http.send("POST", target.metadataPath(key), body.toString(), tokenText(), action);
        http.require(answer, action, target.metadataPath(key), hide(null));
    }

    /** The key's current_version from its metadata (0 when it has none): what a refused check-and-set found. */
    int currentVersion(String key) throws StoreException, InterruptedException {
        String action = "reading the metadata of " + target.mount() + "/" + target.secretPath(key);
        VaultHttp.Answer answer = http.send("GET", target.metadataPath(key), null, tokenText(), action);
        if (answer.status() == 404) {
            return 0;
        }
        http.require(answer, action, target.metadataPath(key), hide(null));
        return json(answer.body(), action).path("data").path("current_version").asInt(0);
    }

    /** BODY as JSON; the parser's own message is not passed on, since it quotes the body. */
    private JsonNode json(String body, String action) throws StoreException {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.missingNode() : node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("Vault at " + target.address() + " answered " + action + " with a body that is "
                    + "not JSON; check that VAULT_ADDR points at a Vault server");
        }
    }

    /** The value of a read, or empty when Vault has none (missing, deleted or destroyed version). */
    private Optional<Secret> present(String key, String action, LogicalResponse response) throws StoreException {
        int status = response.getRestResponse().getStatus();
        if (status == 404 && VaultErrors.errors(body(response), List.of()).isEmpty()) {
            return Optional.empty(); // {"errors":[]} or a deleted version's metadata; "no handler for route" is no mount
        }
        if (status != 200) {
            throw errors.answered(action, target.dataPath(key), status, body(response), hide(null));
        }
        Map<String, String> meta = response.getDataMetadata().getMetadataMap();
        if (!blank(meta.get("deletion_time")) || "true".equals(meta.get("destroyed"))) {
            return Optional.empty();
        }
        String value = response.getData().get(FIELD);
        if (value == null) {
            throw new StoreException(locate(key) + " holds no field '" + FIELD + "'; it was not written by a migration: "
                    + "choose another prefix in the destination");
        }
        return Optional.of(new Secret(value));
    }

    private static int version(LogicalResponse response) {
        Long v = response.getDataMetadata().getVersion();
        return v == null ? 0 : v.intValue();
    }

    private Logical logical() throws StoreException {
        return vault().logical();
    }

    private synchronized Vault vault() throws StoreException {
        if (vault == null) {
            Vault anonymous = driver(null);
            token = VaultLogin.token(env, anonymous, errors);
            vault = driver(token);
        }
        return vault;
    }

    private String tokenText() throws StoreException {
        vault();
        return token.reveal();
    }

    /** A token this store got from an AppRole login is revoked when done, so it does not outlive the migration. */
    @Override
    public synchronized void close() {
        if (token == null || VaultLogin.fromEnvironment(env)) {
            return;
        }
        try {
            http.send("POST", "/v1/auth/token/revoke-self", null, token.reveal(), "revoke the AppRole login token");
        } catch (StoreException e) {
            // best effort: the token expires at the end of its TTL anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            token = null;
            vault = null;
        }
    }

    /** The driver, configured from our environment map only (not the process's), with our client and timeouts. */
    private Vault driver(Secret withToken) throws StoreException {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        try {
            VaultConfig config = new VaultConfig().environmentLoader(new MapEnvironment(env))
                    .address(target.address().toString()).engineVersion(2).prefixPathDepth(1)
                    .openTimeout(seconds).readTimeout(seconds).httpClient(client);
            if (withToken != null) {
                config.token(withToken.reveal());
            }
            String namespace = env.get("VAULT_NAMESPACE");
            if (namespace != null && !namespace.isBlank()) {
                config.nameSpace(namespace.strip());
            }
            return Vault.create(config.build()).withRetries(0, 0);
        } catch (VaultException e) {
            throw new StoreException("cannot set up the Vault client for " + target.address() + "; check VAULT_ADDR "
                    + "and the VAULT_* TLS settings (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One driver call; its failures without an HTTP answer become "unreachable", with status: Vault's refusal. */
    private LogicalResponse call(String action, DriverCall call) throws StoreException {
        try {
            return call.run();
        } catch (VaultException e) {
            if (e.getHttpStatusCode() > 0) {
                throw errors.answered(action, "/v1/" + target.mount(), e.getHttpStatusCode(), "", hide(null));
            }
            throw errors.unreachable(action, e);
        }
    }

    @FunctionalInterface
    private interface DriverCall {
        LogicalResponse run() throws VaultException, StoreException;
    }

    private List<String> hide(Secret value) {
        return value == null ? tokenList() : java.util.stream.Stream.concat(tokenList().stream(),
                java.util.stream.Stream.of(value.reveal())).toList();
    }

    private List<String> tokenList() {
        return token == null ? List.of() : List.of(token.reveal());
    }

    private static String body(LogicalResponse response) {
        byte[] bytes = response.getRestResponse().getBody();
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank() || s.equals("null");
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.github.jopenlibs.vault");
        log.setLevel(java.util.logging.Level.WARNING);
        return log;
    }

    /** VAULT_CLIENT_TIMEOUT as the Vault CLI reads it (seconds, optionally with an s), else 30 s. */
    static Duration timeout(Map<String, String> env) {
        String raw = env.get("VAULT_CLIENT_TIMEOUT");
        if (raw != null && raw.strip().matches("\\d{1,5}s?")) {
            long seconds = Long.parseLong(raw.strip().replace("s", ""));
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        }
        return DEFAULT_TIMEOUT;
    }

    /** The driver reads VAULT_* itself; it must see the environment we were given, not the process's. */
    private static final class MapEnvironment extends EnvironmentLoader {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, String> env;

        MapEnvironment(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public String loadVariable(String name) {
            return env.get(name);
        }
    }
}
