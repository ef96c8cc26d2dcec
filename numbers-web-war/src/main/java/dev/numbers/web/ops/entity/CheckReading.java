package dev.numbers.web.ops.entity;

import jakarta.json.JsonObject;

/** One check of one MicroProfile Health answer: its name, status and data (empty when it had none). */
public record CheckReading(String name, Status status, JsonObject data) {
}
