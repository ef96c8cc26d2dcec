package dev.numbers.web.ops.settings;

import dev.numbers.web.ops.entity.Polling;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.settings.Lenient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;

/**
 * The operations view's settings (numbers.ops.*), read once; each is MicroProfile Config, so an environment
 * variable overrides it. Read as text and checked here, not injected typed: a bad value is logged and its
 * default used, for a wrong ops setting must never fail the web's deployment.
 */
@ApplicationScoped
public class OpsSettings {

    @Inject
    Config config;

    private Polling polling;
    private List<Target> targets;

    @PostConstruct
    void read() {
        polling = new Polling(Lenient.flag("numbers.ops.enabled", text("numbers.ops.enabled", "true"), true),
                number("numbers.ops.interval-ms", 5000, 100, 3_600_000),
                number("numbers.ops.timeout-ms", 1000, 50, 60_000),
                (int) number("numbers.ops.history-size", 50, 1, 1000));
        // MicroProfile Config takes an empty value for a missing one (NUMBERS_OPS_TARGETS=""): no service to watch.
        targets = List.copyOf(WatchedTargets.parse(text(WatchedTargets.KEY, "")));
    }

    private long number(String key, long fallback, long min, long max) {
        return Lenient.number(key, text(key, String.valueOf(fallback)), fallback, min, max);
    }

    private String text(String key, String fallback) {
        return config.getOptionalValue(key, String.class).orElse(fallback);
    }

    public Polling polling() {
        return polling;
    }

    public List<Target> targets() {
        return targets;
    }
}
