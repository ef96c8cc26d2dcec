package dev.numbers.web.ops.entity;

/** How the poller is set up (the numbers.ops.* settings in force). */
public record Polling(boolean enabled, long intervalMs, long timeoutMs, int historySize) {
}
