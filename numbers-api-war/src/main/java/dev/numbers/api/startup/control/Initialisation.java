package dev.numbers.api.startup.control;

import dev.numbers.api.rng.control.RngSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/** Knows whether, and since when, the application is initialised. */
@ApplicationScoped
public class Initialisation {

    private volatile Instant doneAt;

    /** Reading the settings here reports a configuration mistake at start, not at the first call. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, RngSettings settings) {
        settings.problem();
        doneAt = Instant.now();
    }

    public boolean done() {
        return doneAt != null;
    }

    public String doneAt() {
        return done() ? doneAt.toString() : "not yet";
    }
}
