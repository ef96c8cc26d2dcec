package dev.numbers.web.ops.state;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.stream.Collectors;

/** A check's data in one short line, {@code {calls=4, failAfter=3}}, as the probe prints it. */
public final class DataText {

    private static final int MAX = 200;

    private DataText() {
    }

    static String of(JsonObject data) {
        if (data.isEmpty()) {
            return null;
        }
        String text = data.entrySet().stream().map(entry -> entry.getKey() + "=" + text(entry.getValue()))
                .collect(Collectors.joining(", ", "{", ""));
        return text.length() > MAX ? text.substring(0, MAX) + "...}" : text + "}";
    }

    /** One value of a check's data: a string as its text, anything else as JSON. */
    public static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }
}
