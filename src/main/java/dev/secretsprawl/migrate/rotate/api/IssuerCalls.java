package dev.secretsprawl.migrate.rotate.api;

import dev.secretsprawl.migrate.store.rest.RateLimit;
import dev.secretsprawl.migrate.store.rest.RestApi;
import dev.secretsprawl.verify.Http;
import dev.secretsprawl.verify.NetworkFailures;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * How rotators and revokers call an issuer: through the fenced {@link Http} of the verification context (only
 * the issuer's own endpoint, a timeout, no redirects), with one retry after a rate-limit answer that asks for
 * at most {@link RateLimit#MAX_WAIT}; otherwise an {@link IssuerCallException} saying when to retry.
 */
final class IssuerCalls {
    private final RestApi.Sleeper sleeper;
    private final Clock clock;

    IssuerCalls(RestApi.Sleeper sleeper, Clock clock) {
        this.sleeper = sleeper;
        this.clock = clock;
    }

    static IssuerCalls standard() {
        return new IssuerCalls(wait -> Thread.sleep(wait.toMillis()), Clock.systemUTC());
    }

    Http.Response send(String vendor, Http http, String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        Http.Response response = once(vendor, http, method, uri, headers, body);
        if (!RateLimit.limited(response.status(), response::header, response.body())) {
            return response;
        }
        Duration wait = RateLimit.wait(response::header, clock.instant());
        if (wait.compareTo(RateLimit.MAX_WAIT) <= 0) {
            sleeper.sleep(wait);
            response = once(vendor, http, method, uri, headers, body);
            if (!RateLimit.limited(response.status(), response::header, response.body())) {
                return response;
            }
            wait = RateLimit.wait(response::header, clock.instant());
        }
        throw new IssuerCallException(vendor + " rate limited us (HTTP " + response.status() + "); "
                + RateLimit.advice(wait, clock.instant()) + " and run the migration again");
    }

    private static Http.Response once(String vendor, Http http, String method, URI uri, Map<String, String> headers,
                                      String body) throws IOException, InterruptedException {
        try {
            return http.send(method, uri, headers, body);
        } catch (Http.ForbiddenHostException e) {
            throw e;
        } catch (IOException e) {
            throw new IssuerCallException(vendor + " at " + uri.getScheme() + "://" + uri.getAuthority() + " could not be reached ("
                    + NetworkFailures.reason(e).orElse(e.getClass().getSimpleName()) + "); check the network and retry");
        }
    }
}
