package dev.numbers.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Reads a MicroProfile Health answer: {@code {"status": ..., "checks": [{"name", "status", "data"}]}}. */
public final class Health {

    private Health() {
    }

    /** The check of that name; a test fails when there is none. */
    public static JsonObject requireCheck(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> name.equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
    }
}
