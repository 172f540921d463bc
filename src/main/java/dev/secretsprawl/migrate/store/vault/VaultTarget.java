package dev.secretsprawl.migrate.store.vault;

import dev.secretsprawl.migrate.store.Destination;
import dev.secretsprawl.migrate.store.StoreException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a {@code vault://[HOST:PORT]/MOUNT/PREFIX} destination writes: the Vault's address, the KV v2 mount and
 * the path prefix under it. Without HOST the address is {@code VAULT_ADDR}, as the Vault CLI does; with HOST the
 * scheme is {@code VAULT_ADDR}'s when it names the same host and port, else https, except http on a loopback host
 * (Vault's dev server listens on plain http://127.0.0.1:8200). A HOST without a port is VAULT_ADDR's when that names
 * the same host, else Vault's default port 8200.
 */
public record VaultTarget(URI address, String mount, String prefix) {
    static final int DEFAULT_PORT = 8200;

    public static VaultTarget of(Destination destination, Map<String, String> env) throws StoreException {
        List<String> segments = destination.segments();
        if (segments.isEmpty()) {
            throw new StoreException("the destination " + destination + " names no KV v2 mount; write "
                    + "vault://[HOST:PORT]/MOUNT/PREFIX, e.g. vault:///secret/ci/app");
        }
        String mount = segments.get(0);
        String prefix = String.join("/", segments.subList(1, segments.size()));
        return new VaultTarget(address(destination.uri(), env.get("VAULT_ADDR")), mount, prefix);
    }

    private static URI address(URI uri, String vaultAddr) throws StoreException {
        URI fromEnv = parse(vaultAddr);
        if (uri.getHost() == null) {
            if (fromEnv == null) {
                throw new StoreException("vault:/// names no Vault host and VAULT_ADDR is not set; export "
                        + "VAULT_ADDR=https://vault.example.com:8200 or write vault://HOST:PORT/MOUNT/PREFIX");
            }
            return fromEnv;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : DEFAULT_PORT;
        if (fromEnv != null && fromEnv.getHost().equals(host) && (uri.getPort() < 0 || fromEnv.getPort() == port)) {
            return fromEnv;
        }
        return URI.create((loopback(host) ? "http" : "https") + "://" + host
                + ":" + port);
    }

    /** VAULT_ADDR as scheme://host:port (port filled in), or null when unset; a bad one is the user's to fix. */
    private static URI parse(String vaultAddr) throws StoreException {
        if (vaultAddr == null || vaultAddr.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(vaultAddr.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.matches("https?") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException();
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return URI.create(scheme + "://" + uri.getRawAuthority().replaceFirst("(:\\d+)?$", "").toLowerCase(Locale.ROOT)
                    + ":" + port);
        } catch (IllegalArgumentException e) {
            throw new StoreException("VAULT_ADDR is not an http(s) URL with a host and no credentials; "
                    + "set it like https://vault.example.com:8200");
        }
    }

    private static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
            return false; // a name: never resolved here, so no lookup decides the scheme
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The secret's path under the mount: PREFIX/KEY, or KEY when there is no prefix. */
    public String secretPath(String key) {
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    /** The path the driver takes (MOUNT/PREFIX/KEY); it inserts KV v2's {@code data/} after the mount. */
    String logicalPath(String key) {
        return mount + "/" + secretPath(key);
    }

    /** {@code /v1/MOUNT/metadata/PREFIX/KEY}. */
    String metadataPath(String key) {
        return "/v1/" + mount + "/metadata/" + secretPath(key);
    }

    String dataPath(String key) {
        return "/v1/" + mount + "/data/" + secretPath(key);
    }

    /** vault://host:port/MOUNT/PREFIX, as the user would write it. */
    public String describe() {
        return "vault://" + address.getRawAuthority() + "/" + mount + (prefix.isEmpty() ? "" : "/" + prefix);
    }
}
