package dev.numbers.web.ops.state;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;

/** A check's data in one short line, {@code {calls=4, failAfter=3}}, as the probe prints it. */
final class DataText {

    private static final int MAX = 200;

    private DataText() {
    }

    static String of(JsonObject data) {
        if (data.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, JsonValue> entry : data.entrySet()) {
            if (text.length() > 1) {
                text.append(", ");
            }
            JsonValue value = entry.getValue();
            text.append(entry.getKey()).append('=').append(value instanceof JsonString s ? s.getString() : value.toString());
            if (text.length() > MAX) {
                return text.substring(0, MAX) + "...}";
            }
        }
        return text.append('}').toString();
    }
}
