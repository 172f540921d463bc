package dev.secretsprawl.verify.vendors;

import dev.secretsprawl.verify.IssuerAnswers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretsprawl.verify.Credential;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.Verification;
import dev.secretsprawl.verify.Verifier;
import dev.secretsprawl.verify.VerifyContext;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Docker Hub personal and organization access tokens, by creating a short-lived access token
 * ({@code POST /v2/auth/token} with {@code identifier} and {@code secret}, Docker Hub API reference). A token
 * authenticates only with its user (or organization) name, read from the lines around it.
 */
public final class DockerHubVerifier implements Verifier {
    static final String ISSUER = "dockerhub";
    private static final String VENDOR = "Docker Hub";
    private static final String NAME = "[\"']?([a-z0-9][a-z0-9_.-]{1,38})(?![a-z0-9_.$-])";
    /** The user the token is written with: docker login -u NAME / --username NAME, DOCKER_USERNAME=NAME, DOCKERHUB_USER: NAME. */
    private static final Pattern STATED_USER = Pattern.compile("(?i)(?:docker\\s+login\\b[^\\n]*?\\s(?:-u|--username)(?:\\s+|=)"
            + "|docker[\\w.-]{0,20}?[_.-]?user(?:name)?\\w*[\"']?\\s*[:=]\\s*)" + NAME);
    /** A guess, taken only when no user is stated: a Docker login or id setting, or a plain username: key. */
    private static final Pattern GUESSED_USER = Pattern.compile("(?i)(?:docker(?:hub)?[_.-]?(?:login|id)[\"']?\\s*[:=]\\s*"
            + "|\"username\"\\s*:\\s*|\\busername\\s*[:=]\\s*)" + NAME);

    /** The user a check is made with, and whether it was written as the token's Docker user or guessed. */
    private record User(String name, boolean stated) {
    }

    @Override
    public Set<String> issuers() {
        return Set.of(ISSUER);
    }

    @Override
    public String scope(Credential credential) {
        return user(credential).map(u -> u.name() + "|" + u.stated()).orElse("");
    }

    @Override
    public Verification verify(Credential credential, VerifyContext context) throws IOException, InterruptedException {
        Optional<User> user = user(credential);
        if (user.isEmpty()) {
            return Verification.unknown("no Docker Hub user next to the token (docker login -u, DOCKER_USERNAME=...)");
        }
        ObjectNode login = IssuerAnswers.mapper().createObjectNode()
                .put("identifier", user.get().name()).put("secret", credential.secret().reveal());
        Http.Response reply = context.http(ISSUER).post(URI.create(context.endpoints().require(ISSUER) + "/v2/auth/token"),
                Map.of("Content-Type", "application/json", "Accept", "application/json"), login.toString());
        return read(reply, user.get(), credential.secret().reveal().startsWith("dckr_oat_") ? "organization" : "user");
    }

    private static Optional<User> user(Credential credential) {
        return NearbyText.closest(STATED_USER, credential).map(u -> new User(u.toLowerCase(Locale.ROOT), true))
                .or(() -> NearbyText.closest(GUESSED_USER, credential).map(u -> new User(u.toLowerCase(Locale.ROOT), false)));
    }

    private static Verification read(Http.Response reply, User who, String kind) {
        String user = who.name();
        Optional<Verification> inconclusive = IssuerAnswers.notNow(VENDOR, reply);
        if (inconclusive.isPresent()) {
            return inconclusive.get();
        }
        return switch (reply.status()) {
            case 200 -> IssuerAnswers.jsonIfAny(reply).filter(b -> !b.path("access_token").asText().isEmpty())
                    .map(b -> Verification.live("Docker Hub " + kind + " " + user))
                    .orElseGet(() -> IssuerAnswers.unexpectedBody(VENDOR, reply));
            // a 401 condemns the token only if the user it was tried with is surely its own
            case 401 -> who.stated()
                    ? Verification.dead("Docker Hub rejected the token for " + kind + " " + user + " (revoked, expired, or not this " + kind + "'s)")
                    : Verification.unknown("Docker Hub rejected the token for " + kind + " " + user + ", a name guessed from a username"
                            + " setting nearby: the token may be another " + kind + "'s");
            default -> IssuerAnswers.unexpected(VENDOR, reply);
        };
    }
}
