package dev.numbers.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Optional;

/** Reads a MicroProfile Health answer: {@code {"status": ..., "checks": [{"name", "status", "data"}]}}. */
public final class Health {

    private Health() {
    }

    public static Optional<JsonObject> check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> name.equals(check.getString("name")))
                .findFirst();
    }

    public static JsonObject requireCheck(JsonObject health, String name) {
        return check(health, name).orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
    }
}
