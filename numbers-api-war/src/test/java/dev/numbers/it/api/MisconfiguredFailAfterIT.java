package dev.numbers.it.api;

import jakarta.json.JsonObject;
import dev.numbers.it.ApiArchive;
import dev.numbers.it.Health;
import dev.numbers.it.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A typo in the fail-after setting: the app still deploys, serves nothing, is not ready, and its health
 * says why; it stays live, since a restart reads the same typo again.
 */
@ExtendWith(ArquillianExtension.class)
class MisconfiguredFailAfterIT {

    @Deployment(testable = false)
    static WebArchive api() {
        return ApiArchive.named("misconfigured", "numbers.api.fail-after=three");
    }

    @ArquillianResource
    URL base;

    @Test
    void noNumbersNotReadyAndTheHealthNamesTheSetting() {
        assertEquals(500, Http.get(base, "/rng").statusCode());
        HttpResponse<String> ready = Http.get(base, "/health/ready");
        assertEquals(503, ready.statusCode(), "no traffic for a service that serves nothing");
        JsonObject rng = Health.requireCheck(Http.json(ready), "numbers-api-rng");
        assertEquals("numbers.api.fail-after must be a whole number, not 'three'", rng.getJsonObject("data").getString("error"));
    }

    @Test
    void stillAliveSoThatNoPlatformRestartsItForEver() {
        // A restart reads the same setting again: liveness DOWN would only make a restart loop.
        HttpResponse<String> live = Http.get(base, "/health/live");
        assertEquals(200, live.statusCode());
        JsonObject rng = Health.requireCheck(Http.json(live), "numbers-api");
        assertEquals("numbers.api.fail-after must be a whole number, not 'three'", rng.getJsonObject("data").getString("error"));
    }
}
