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

/** A typo in the fail-after setting: the app still deploys, serves nothing, and its health says why. */
@ExtendWith(ArquillianExtension.class)
class MisconfiguredFailAfterIT {

    @Deployment(testable = false)
    static WebArchive api() {
        return ApiArchive.named("misconfigured", "numbers.api.fail-after=three");
    }

    @ArquillianResource
    URL base;

    @Test
    void noNumbersAndTheHealthNamesTheSetting() {
        assertEquals(500, Http.get(base, "/rng").statusCode());
        HttpResponse<String> live = Http.get(base, "/health/live");
        assertEquals(503, live.statusCode());
        JsonObject rng = Health.requireCheck(Http.json(live), "numbers-api");
        assertEquals("numbers.api.fail-after must be a whole number, not 'three'", rng.getJsonObject("data").getString("error"));
    }
}
