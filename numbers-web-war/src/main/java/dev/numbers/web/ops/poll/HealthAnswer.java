package dev.numbers.web.ops.poll;

import dev.numbers.web.ops.entity.CheckReading;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns an HTTP answer into a {@link HealthReading}: MicroProfile Health JSON ({@code status} and
 * {@code checks}) with 200 or 503, as the specification answers; anything else is a failed poll with a
 * one-line reason, whatever the body holds.
 */
public final class HealthAnswer {

    /** More checks than this from one service is not a health answer but a flood; the rest are left out. */
    public static final int MAX_CHECKS = 64;

    /**
     * A health answer is four levels deep (answer, checks, check, data) plus whatever a check's data
     * nests; deeper than this is not one. Checked before parsing, so that no parser, Liberty's or this
     * JVM's, recurses into a body of 64 KiB of brackets.
     */
    static final int MAX_DEPTH = 64;

    /** Made once: Json.createReader looks the JSON-P provider up anew, a class-path scan, on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private HealthAnswer() {
    }

    static HealthReading parse(Instant at, long latencyMs, int httpStatus, byte[] body) {
        if (httpStatus != 200 && httpStatus != 503) {
            return HealthReading.failed(at, latencyMs, httpStatus, "HTTP " + httpStatus + ", not a health answer");
        }
        if (nestsDeeper(body, MAX_DEPTH)) {
            return notHealth(at, latencyMs, httpStatus, " (nested deeper than " + MAX_DEPTH + ")");
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            JsonObject answer = reader.readObject();
            // The first MAX_CHECKS checks are read, and must all be checks; the rest are left out unread.
            List<CheckReading> checks = answer.getJsonArray("checks").stream().limit(MAX_CHECKS).map(HealthAnswer::checkOf).toList();
            return new HealthReading(at, latencyMs, httpStatus, statusOf(answer.get("status")), checks, null);
        } catch (RuntimeException e) {
            // Whatever is not a health answer throws here: a missing or mistyped member as a
            // NullPointerException or ClassCastException, a wrong status word as an IllegalArgumentException,
            // bad JSON as a JsonException or, from some parsers, a plain RuntimeException (Parsson's depth
            // limit did). Any of them makes the poll a failed one, recorded.
            return notHealth(at, latencyMs, httpStatus, "");
        }
    }

    private static CheckReading checkOf(JsonValue value) {
        JsonObject check = value.asJsonObject();
        return new CheckReading(check.getString("name"), statusOf(check.get("status")),
                check.get("data") instanceof JsonObject data ? data : JsonValue.EMPTY_JSON_OBJECT);
    }

    /** UP or DOWN, the only words of MicroProfile Health; UNKNOWN is this view's own, never an answer's. */
    private static Status statusOf(JsonValue value) {
        Status status = Status.valueOf(((JsonString) value).getString());
        if (status == Status.UNKNOWN) {
            throw new IllegalArgumentException("not a MicroProfile Health status: UNKNOWN");
        }
        return status;
    }

    /**
     * Whether a JSON text nests its arrays and objects deeper than {@code max}, found in one pass over its
     * bytes without parsing it: brackets inside strings do not count. The text need not be valid JSON; the
     * parser decides that later.
     */
    private static boolean nestsDeeper(byte[] json, int max) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (escaped) {
                escaped = false;
            } else if (inString) {
                escaped = b == '\\';
                inString = b != '"';
            } else if (b == '"') {
                inString = true;
            } else if ((b == '[' || b == '{') && ++depth > max) {
                return true;
            } else if (b == ']' || b == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return false;
    }

    private static HealthReading notHealth(Instant at, long latencyMs, int httpStatus, String why) {
        return HealthReading.failed(at, latencyMs, httpStatus, "HTTP " + httpStatus + ", but not MicroProfile Health JSON" + why);
    }
}
