package dev.secretsprawl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A HashiCorp Vault that answers as its API documentation says, on a local WireMock server: the KV v2 engine
 * (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2: data read/write with check-and-set, versions,
 * soft delete and destroy, metadata with custom_metadata), AppRole login
 * (https://developer.hashicorp.com/vault/api-docs/auth/approle) and the token endpoints lookup-self and revoke-self
 * (https://developer.hashicorp.com/vault/api-docs/auth/token). Every call but the login needs a known
 * {@code X-Vault-Token}; as https://developer.hashicorp.com/vault/docs/concepts/tokens says, a revoked or unknown
 * token gets 403 with "permission denied" and "invalid token", a valid token without a policy for the path gets
 * "permission denied" alone. It can be told to answer as a sealed Vault (503) or a rate-limited one (429).
 * State lives in memory; the namespace header is recorded by WireMock and otherwise ignored.
 */
public final class VaultDouble implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One version of a secret: its data, or none once destroyed. */
    private static final class Version {
        final Instant created = Instant.now();
        Map<String, String> data;
        Instant deleted;
        boolean destroyed;

        Version(Map<String, String> data) {
            this.data = data;
        }
    }

    /** One secret path: its versions (index 0 is version 1) and custom_metadata. */
    private static final class Entry {
        final Instant created = Instant.now();
        Instant updated = created;
        final List<Version> versions = new ArrayList<>();
        Map<String, String> customMetadata;
    }

    /** A token and whether it has a policy for the KV engine (the root token and issued tokens do). */
    private record Token(String id, boolean kvPolicy, String displayName) {
    }

    private final WireMockServer server;
    private final String rootToken = newToken();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, String> approles = new ConcurrentHashMap<>();
    private final Set<String> kvMounts = ConcurrentHashMap.newKeySet();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile int trouble;
    private volatile int delayMillis;

    private final boolean tls;

    public VaultDouble() {
        this(null, null);
    }

    /** A Vault serving https only, with the key and certificate of the PKCS#12 KEYSTORE (null: plain http). */
    public VaultDouble(java.nio.file.Path keystore, String password) {
        var options = options().bindAddress("127.0.0.1").extensions(new Api());
        tls = keystore != null;
        if (tls) {
            options.httpDisabled(true).dynamicHttpsPort().keystorePath(keystore.toString()).keystoreType("PKCS12")
                    .keystorePassword(password).keyManagerPassword(password);
        } else {
            options.dynamicPort();
        }
        server = new WireMockServer(options);
        tokens.put(rootToken, new Token(rootToken, true, "root"));
        kvMounts.add("secret");
    }

    public VaultDouble start() {
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        return this;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** http://127.0.0.1:PORT, what VAULT_ADDR would hold. */
    public String baseUrl() {
        // the address it is bound to, whatever localhost resolves to
        return tls ? "https://127.0.0.1:" + server.httpsPort() : "http://127.0.0.1:" + server.port();
    }

    public URI address() {
        return URI.create(baseUrl());
    }

    /** The WireMock server, to inspect the requests it got (headers, bodies). */
    public WireMockServer server() {
        return server;
    }

    public String rootToken() {
        return rootToken;
    }

    /** Mounts another KV v2 engine (secret/ is mounted from the start). */
    public VaultDouble mountKv(String mount) {
        kvMounts.add(mount);
        return this;
    }

    /** A new service token with a policy for every KV path, as {@code vault token create} gives. */
    public String issueToken() {
        String id = newToken();
        tokens.put(id, new Token(id, true, "token"));
        return id;
    }

    /** A valid token with only the default policy: it may look itself up and revoke itself, nothing else. */
    public String issueTokenWithoutKvPolicy() {
        String id = newToken();
        tokens.put(id, new Token(id, false, "token-default"));
        return id;
    }

    /** Revokes TOKEN behind its holder's back, as an operator's {@code vault token revoke} would. */
    public void revoke(String token) {
        revoked.add(token);
    }

    public boolean isRevoked(String token) {
        return revoked.contains(token);
    }

    /** Registers an AppRole role ID with one secret ID; a login with both issues a token. */
    public VaultDouble approle(String roleId, String secretId) {
        approles.put(roleId, secretId);
        return this;
    }

    /** From now on every request gets 503 as from a sealed Vault (true), or normal answers again (false). */
    public VaultDouble sealed(boolean sealed) {
        trouble = sealed ? 503 : 0;
        return this;
    }

    /** From now on every request gets 429 as from a rate limit quota (true), or normal answers again (false). */
    public VaultDouble rateLimited(boolean limited) {
        trouble = limited ? 429 : 0;
        return this;
    }

    /** From now on every answer comes DELAY late (to test client timeouts); zero for prompt answers again. */
    public VaultDouble slow(java.time.Duration delay) {
        delayMillis = (int) delay.toMillis();
        return this;
    }

    /** The data field {@code value} of one version, empty when missing, deleted or destroyed. */
    public Optional<String> value(String mount, String path, int version) {
        Entry e = entries.get(mount + "/" + path);
        if (e == null || version < 1 || version > e.versions.size()) {
            return Optional.empty();
        }
        Version v = e.versions.get(version - 1);
        return v.deleted != null || v.destroyed ? Optional.empty() : Optional.ofNullable(v.data.get("value"));
    }

    /** The current_version of a path, 0 when it has never been written. */
    public int currentVersion(String mount, String path) {
        Entry e = entries.get(mount + "/" + path);
        return e == null ? 0 : e.versions.size();
    }

    public Map<String, String> customMetadata(String mount, String path) {
        Entry e = entries.get(mount + "/" + path);
        return e == null || e.customMetadata == null ? Map.of() : Map.copyOf(e.customMetadata);
    }

    /** Soft-deletes the latest version, as {@code vault kv delete} does. */
    public void deleteLatest(String mount, String path) {
        Entry e = entries.get(mount + "/" + path);
        e.versions.get(e.versions.size() - 1).deleted = Instant.now();
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return "hvs." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Answers every request from the state above; WireMock's stub only provides the hook. */
    private final class Api implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "vault-double";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            synchronized (VaultDouble.this) {
                ResponseDefinition answer;
                try {
                    answer = answer(event.getRequest());
                } catch (RuntimeException | java.io.IOException e) {
                    answer = errors(500, e.getClass().getSimpleName());
                }
                return delayMillis == 0 ? answer
                        : com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(answer)
                        .withFixedDelay(delayMillis).build();
            }
        }
    }

    private ResponseDefinition answer(Request request) throws java.io.IOException {
        if (trouble == 503) {
            return errors(503, "Vault is sealed");
        }
        if (trouble == 429) {
            return errors(429, "request path \"" + path(request) + "\": rate limit quota exceeded");
        }
        String path = path(request);
        String method = request.getMethod().getName();
        if (path.equals("auth/approle/login") && method.equals("POST")) {
            return login(request);
        }
        String token = request.getHeader("X-Vault-Token");
        Token known = token == null ? null : tokens.get(token);
        if (token == null || token.isEmpty()) {
            return errors(403, "permission denied");
        }
        if (known == null || revoked.contains(token)) {
            return errors(403, "permission denied", "invalid token");
        }
        if (path.equals("auth/token/lookup-self") && method.equals("GET")) {
            return lookupSelf(known);
        }
        if (path.equals("auth/token/revoke-self") && (method.equals("POST") || method.equals("PUT"))) {
            revoked.add(token);
            return noContent();
        }
        String[] parts = path.split("/", 3);
        if (parts.length < 3 || !kvMounts.contains(parts[0])) {
            return errors(404, "no handler for route \"" + path + "\". route entry not found.");
        }
        if (!known.kvPolicy()) {
            return errors(403, "permission denied");
        }
        return kv(request, method, parts[0], parts[1], parts[2]);
    }

    private ResponseDefinition kv(Request request, String method, String mount, String kind, String path)
            throws java.io.IOException {
        String key = mount + "/" + path;
        return switch (kind + " " + method) {
            case "data POST", "data PUT" -> write(key, body(request));
            case "data GET" -> read(key, versionParameter(request));
            case "data DELETE" -> softDeleteLatest(key);
            case "metadata GET" -> metadata(key);
            case "metadata POST", "metadata PUT" -> writeMetadata(key, body(request));
            case "destroy POST", "destroy PUT" -> destroy(key, body(request));
            default -> errors(405, "unsupported operation");
        };
    }

    private ResponseDefinition write(String key, JsonNode body) {
        if (!body.path("data").isObject()) {
            return errors(400, "no data provided");
        }
        Entry entry = entries.get(key);
        int current = entry == null ? 0 : entry.versions.size();
        JsonNode cas = body.path("options").path("cas");
        if (!cas.isMissingNode() && !cas.isNull() && cas.asInt(-1) != current) {
            return errors(400, "check-and-set parameter did not match the current version");
        }
        if (entry == null) {
            entry = new Entry();
            entries.put(key, entry);
        }
        Map<String, String> data = new LinkedHashMap<>();
        body.path("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
        entry.versions.add(new Version(data));
        entry.updated = Instant.now();
        return ok(envelope(versionMetadata(entry, entry.versions.size())));
    }

    private ResponseDefinition read(String key, int asked) {
        Entry entry = entries.get(key);
        int version = asked == 0 && entry != null ? entry.versions.size() : asked;
        if (entry == null || version < 1 || version > entry.versions.size()) {
            return errors(404);
        }
        Version v = entry.versions.get(version - 1);
        ObjectNode data = JSON.createObjectNode();
        if (v.deleted != null || v.destroyed) {
            data.set("data", NullNode.getInstance());
            data.set("metadata", versionMetadata(entry, version));
            return json(404, envelope(data));
        }
        ObjectNode values = data.putObject("data");
        v.data.forEach(values::put);
        data.set("metadata", versionMetadata(entry, version));
        return ok(envelope(data));
    }

    private ResponseDefinition softDeleteLatest(String key) {
        Entry entry = entries.get(key);
        if (entry != null && !entry.versions.isEmpty()) {
            entry.versions.get(entry.versions.size() - 1).deleted = Instant.now();
        }
        return noContent();
    }

    private ResponseDefinition destroy(String key, JsonNode body) {
        Entry entry = entries.get(key);
        for (JsonNode n : body.path("versions")) {
            if (entry != null && n.asInt() >= 1 && n.asInt() <= entry.versions.size()) {
                Version v = entry.versions.get(n.asInt() - 1);
                v.destroyed = true;
                v.data = Map.of();
            }
        }
        return noContent();
    }

    private ResponseDefinition metadata(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return errors(404);
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("cas_required", false);
        data.put("created_time", entry.created.toString());
        data.put("current_version", entry.versions.size());
        putCustomMetadata(data, entry);
        data.put("delete_version_after", "0s");
        data.put("max_versions", 0);
        data.put("oldest_version", entry.versions.isEmpty() ? 0 : 1);
        data.put("updated_time", entry.updated.toString());
        ObjectNode versions = data.putObject("versions");
        for (int i = 0; i < entry.versions.size(); i++) {
            Version v = entry.versions.get(i);
            ObjectNode n = versions.putObject(String.valueOf(i + 1));
            n.put("created_time", v.created.toString());
            n.put("deletion_time", v.deleted == null ? "" : v.deleted.toString());
            n.put("destroyed", v.destroyed);
        }
        return ok(envelope(data));
    }

    private ResponseDefinition writeMetadata(String key, JsonNode body) {
        JsonNode custom = body.path("custom_metadata");
        if (!custom.isMissingNode() && !custom.isObject()) {
            return errors(400, "custom_metadata must be a map of strings");
        }
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        if (custom.isObject()) {
            Map<String, String> m = new LinkedHashMap<>();
            custom.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
            entry.customMetadata = m;
        }
        entry.updated = Instant.now();
        return noContent();
    }

    private ResponseDefinition login(Request request) throws java.io.IOException {
        JsonNode body = body(request);
        String roleId = body.path("role_id").asText("");
        String secretId = body.path("secret_id").asText("");
        if (!approles.containsKey(roleId) || !approles.get(roleId).equals(secretId)) {
            return errors(400, "invalid role or secret ID");
        }
        String id = newToken();
        tokens.put(id, new Token(id, true, "approle"));
        ObjectNode root = envelope(null);
        ObjectNode auth = root.putObject("auth");
        auth.put("client_token", id);
        auth.put("accessor", UUID.randomUUID().toString());
        auth.putArray("policies").add("default").add("migrate");
        auth.putArray("token_policies").add("default").add("migrate");
        auth.putObject("metadata").put("role_name", "migrate");
        auth.put("lease_duration", 1200);
        auth.put("renewable", true);
        auth.put("entity_id", UUID.randomUUID().toString());
        auth.put("token_type", "service");
        auth.put("orphan", true);
        auth.putNull("mfa_requirement");
        auth.put("num_uses", 0);
        return ok(root);
    }

    private ResponseDefinition lookupSelf(Token token) {
        ObjectNode data = JSON.createObjectNode();
        data.put("accessor", UUID.nameUUIDFromBytes(token.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        data.put("creation_time", Instant.now().getEpochSecond());
        data.put("creation_ttl", 0);
        data.put("display_name", token.displayName());
        data.put("entity_id", "");
        data.putNull("expire_time");
        data.put("explicit_max_ttl", 0);
        data.put("id", token.id());
        data.putNull("meta");
        data.put("num_uses", 0);
        data.put("orphan", true);
        data.put("path", "auth/token/create");
        ArrayNode policies = data.putArray("policies");
        policies.add(token.id().equals(rootToken) ? "root" : "default");
        data.put("renewable", false);
        data.put("ttl", 0);
        data.put("type", "service");
        return ok(envelope(data));
    }

    private ObjectNode versionMetadata(Entry entry, int version) {
        Version v = entry.versions.get(version - 1);
        ObjectNode m = JSON.createObjectNode();
        m.put("created_time", v.created.toString());
        putCustomMetadata(m, entry);
        m.put("deletion_time", v.deleted == null ? "" : v.deleted.toString());
        m.put("destroyed", v.destroyed);
        m.put("version", version);
        return m;
    }

    private static void putCustomMetadata(ObjectNode node, Entry entry) {
        if (entry.customMetadata == null) {
            node.putNull("custom_metadata");
        } else {
            ObjectNode c = node.putObject("custom_metadata");
            entry.customMetadata.forEach(c::put);
        }
    }

    /** The envelope every Vault answer shares; DATA may be null (auth answers). */
    private static ObjectNode envelope(ObjectNode data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("request_id", UUID.randomUUID().toString());
        root.put("lease_id", "");
        root.put("renewable", false);
        root.put("lease_duration", 0);
        if (data == null) {
            root.putNull("data");
        } else {
            root.set("data", data);
        }
        root.putNull("wrap_info");
        root.putNull("warnings");
        root.putNull("auth");
        root.put("mount_type", "kv");
        return root;
    }

    private static String path(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String p = q < 0 ? url : url.substring(0, q);
        return p.startsWith("/v1/") ? p.substring(4) : p;
    }

    private static int versionParameter(Request request) {
        var parameter = request.queryParameter("version");
        if (parameter == null || !parameter.isPresent()) {
            return 0;
        }
        try {
            return Integer.parseInt(parameter.firstValue());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static JsonNode body(Request request) throws java.io.IOException {
        String text = request.getBodyAsString();
        return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    private static ResponseDefinition ok(ObjectNode body) {
        return json(200, body);
    }

    private static ResponseDefinition json(int status, ObjectNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition noContent() {
        return aResponse().withStatus(204).build();
    }

    private static ResponseDefinition errors(int status, String... messages) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode errors = root.putArray("errors");
        for (String m : messages) {
            errors.add(m);
        }
        return json(status, root);
    }
}
