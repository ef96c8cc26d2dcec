package dev.numbers.api.memory.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * The share of the maximum heap above which the service reports itself not live:
 * {@code numbers.health.heap-threshold} (environment: {@code NUMBERS_HEALTH_HEAP_THRESHOLD}), a number
 * above 0 and at most 1, default 0.9.
 * <p>
 * A value that is not such a number is reported in one log line and the default is kept: a typo must
 * not get a healthy container killed, nor hide a real memory problem.
 */
@ApplicationScoped
public class HeapThreshold {

    public static final String KEY = "numbers.health.heap-threshold";
    static final double DEFAULT = 0.9;
    private static final Logger LOG = Logger.getLogger(HeapThreshold.class.getName());

    @Inject
    @ConfigProperty(name = KEY, defaultValue = "0.9")
    String text;

    private double share;

    @PostConstruct
    void read() {
        share = parse(text);
    }

    static double parse(String text) {
        try {
            double share = Double.parseDouble(text.trim());
            if (share > 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value the operator gave
        }
        LOG.warning(KEY + " must be a number above 0 and at most 1, not '" + text + "': using " + DEFAULT);
        return DEFAULT;
    }

    public double share() {
        return share;
    }

    public boolean exceededBy(HeapUsage usage) {
        return usage.share() > share;
    }
}
