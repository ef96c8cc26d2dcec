package dev.numbers.api.memory.control;

import dev.numbers.settings.Lenient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The share of the maximum heap above which the service reports itself not live:
 * {@code numbers.health.heap-threshold} (environment: {@code NUMBERS_HEALTH_HEAP_THRESHOLD}), a number
 * above 0 and at most 1, default 0.9.
 * <p>
 * Read leniently ({@link Lenient}): a typo must not get a healthy container killed, nor hide a real memory problem.
 */
@ApplicationScoped
public class HeapThreshold {

    public static final String KEY = "numbers.health.heap-threshold";
    static final double DEFAULT = 0.9;

    @Inject
    @ConfigProperty(name = KEY, defaultValue = "0.9")
    String text;

    private double share;

    @PostConstruct
    void read() {
        share = parse(text);
    }

    static double parse(String text) {
        return Lenient.read(KEY, text, DEFAULT, "a number above 0 and at most 1", Double::parseDouble, share -> share > 0 && share <= 1);
    }

    public double share() {
        return share;
    }

    public boolean exceededBy(HeapUsage usage) {
        return usage.share() > share;
    }
}
