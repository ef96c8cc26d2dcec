package dev.numbers.it.web;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Finds one check by name in a MicroProfile Health answer. */
final class Health {

    private Health() {
    }

    static JsonObject check(JsonObject health, String name) {
        for (JsonValue check : health.getJsonArray("checks")) {
            if (name.equals(check.asJsonObject().getString("name"))) {
                return check.asJsonObject();
            }
        }
        throw new AssertionError("no check named " + name + " in " + health);
    }
}
