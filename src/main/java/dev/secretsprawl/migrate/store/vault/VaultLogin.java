package dev.secretsprawl.migrate.store.vault;

import dev.secretsprawl.migrate.store.StoreException;
import dev.secretsprawl.scan.Secret;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;

import java.util.List;
import java.util.Map;

/**
 * The token the store works with, as the Vault CLI finds it: {@code VAULT_TOKEN}, else an AppRole login with
 * {@code VAULT_ROLE_ID} and {@code VAULT_SECRET_ID} ({@code POST /v1/auth/approle/login}, through the driver).
 */
final class VaultLogin {
    static final String APPROLE_MOUNT = "approle";

    private VaultLogin() {
    }

    /** True when ENV holds a way to log in; nothing is sent. */
    static boolean configured(Map<String, String> env) {
        return present(env.get("VAULT_TOKEN")) || (present(env.get("VAULT_ROLE_ID")) && present(env.get("VAULT_SECRET_ID")));
    }

    /** True when the token is VAULT_TOKEN itself, not one we logged in for. */
    static boolean fromEnvironment(Map<String, String> env) {
        return present(env.get("VAULT_TOKEN"));
    }

    /** The token from ENV or from an AppRole login with ANONYMOUS (a driver without a token). */
    static Secret token(Map<String, String> env, Vault anonymous, VaultErrors errors) throws StoreException {
        String token = env.get("VAULT_TOKEN");
        if (present(token)) {
            return new Secret(token.strip());
        }
        String roleId = env.get("VAULT_ROLE_ID");
        String secretId = env.get("VAULT_SECRET_ID");
        if (!present(roleId) || !present(secretId)) {
            throw new StoreException("no Vault credential: export VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID "
                    + "for an AppRole login");
        }
        String action = "the AppRole login";
        try {
            AuthResponse response = anonymous.auth().loginByAppRole(APPROLE_MOUNT, roleId.strip(), secretId.strip());
            String issued = response.getAuthClientToken();
            if (!present(issued)) {
                throw new StoreException("Vault answered the AppRole login without a client token; check the role's "
                        + "token settings (vault read auth/approle/role/NAME)");
            }
            return new Secret(issued);
        } catch (VaultException e) {
            int status = e.getHttpStatusCode();
            if (status == 0) {
                throw errors.unreachable("log in with AppRole", e);
            }
            if (status == 400) {
                throw new StoreException("Vault refused the AppRole login: VAULT_ROLE_ID or VAULT_SECRET_ID is wrong, "
                        + "or the secret ID expired or was used up; issue a new secret ID "
                        + "(vault write -f auth/approle/role/NAME/secret-id)");
            }
            throw errors.answered(action, "/v1/auth/" + APPROLE_MOUNT + "/login", status, "", List.of(roleId, secretId));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
