package dev.numbers.it.web;

import dev.numbers.it.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URL;
import java.util.Optional;

/** Reads the web's operations view from outside, as a script or a dashboard would: over HTTPS, as the monitor user. */
final class Ops {

    private Ops() {
    }

    static JsonObject status(URL web) {
        return Http.json(Http.asMonitor(web, "/ops/status"));
    }

    static JsonObject service(JsonObject status, String name) {
        for (JsonValue service : status.getJsonArray("services")) {
            if (name.equals(service.asJsonObject().getString("name"))) {
                return service.asJsonObject();
            }
        }
        throw new AssertionError("no service " + name + " in " + status);
    }

    static String serviceStatus(URL web, String name) {
        return service(status(web), name).getString("status");
    }

    static String circuit(URL web) {
        return status(web).getJsonObject("circuitBreaker").getString("state");
    }

    /** The newest transition of a service's overall status to {@code to}, if the timeline has one. */
    static Optional<JsonObject> transition(JsonObject status, String service, String to) {
        return status.getJsonArray("timeline").stream().map(JsonValue::asJsonObject)
                .filter(t -> service.equals(t.getString("service")) && !t.containsKey("check") && to.equals(t.getString("to")))
                .findFirst();
    }
}
