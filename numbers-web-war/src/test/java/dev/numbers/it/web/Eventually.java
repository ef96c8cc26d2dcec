package dev.numbers.it.web;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waiting for something seen from outside: polls, and fails with the last thing it saw. */
final class Eventually {

    private Eventually() {
    }

    static <T> T await(String what, Duration bound, Supplier<T> look, Predicate<T> done) {
        long deadline = System.nanoTime() + bound.toNanos();
        T seen = look.get();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + bound.toMillis() + " ms; last seen: " + seen);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(what + ": interrupted", e);
            }
            seen = look.get();
        }
        return seen;
    }
}
