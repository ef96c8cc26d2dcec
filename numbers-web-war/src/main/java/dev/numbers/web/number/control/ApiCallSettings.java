package dev.numbers.web.number.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Looks once, at start, at the overrides of the call to the API that Fault Tolerance and the REST client
 * read themselves (the annotations' {@code <class>/<method>/<Annotation>/<parameter>} keys and
 * {@code numbers-api/mp-rest/*}), and says in one log line each which one can hurt: a retry without end
 * or without pause spins, a socket timeout of 0 waits for ever, a huge bulkhead is none. The web cannot
 * put the default in their place, since those runtimes read the value themselves; it says what the
 * value does and what range is safe.
 */
@ApplicationScoped
public class ApiCallSettings {

    private static final Logger LOG = Logger.getLogger(ApiCallSettings.class.getName());

    private static final String NEXT = RandomNumbers.class.getName() + "/next/";

    /** A key, its safe range, and what a value outside it does. */
    record Limit(String key, long min, long max, String risk) {

        boolean allows(String text) {
            try {
                long value = Long.parseLong(text.trim());
                return value >= min && value <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    static final List<Limit> LIMITS = List.of(
            new Limit(NEXT + "Timeout/value", 100, 10_000, "each call to the API holds a user's thread this long"),
            new Limit(NEXT + "Retry/maxRetries", 0, 10, "-1 retries an unreachable API for ever"),
            new Limit(NEXT + "Retry/maxDuration", 100, 30_000, "0 lets the retries go on without end"),
            new Limit(NEXT + "Retry/delay", 10, 5_000, "no pause between retries is a spin against a down API"),
            new Limit(NEXT + "CircuitBreaker/delay", 100, 600_000, "how long the open circuit spares the API"),
            new Limit(NEXT + "CircuitBreaker/requestVolumeThreshold", 1, 1_000, "calls the circuit looks at before it can open"),
            new Limit(ApiWaitLimit.class.getName() + "/next/Bulkhead/value", 1, 10_000, "users who may wait on the API at once"),
            new Limit("numbers-api/mp-rest/connectTimeout", 50, 10_000, "0 waits for a connection for ever"),
            new Limit("numbers-api/mp-rest/readTimeout", 50, 60_000, "0 waits for an answer for ever"));

    void check(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        problems(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class)).forEach(LOG::warning);
    }

    /** One line for each set value outside its range, or not a whole number. */
    static List<String> problems(Function<String, Optional<String>> setting) {
        return LIMITS.stream().flatMap(limit -> setting.apply(limit.key()).filter(text -> !limit.allows(text)).stream()
                .map(text -> limit.key() + "=" + text + " is outside the safe range " + limit.min() + " to " + limit.max()
                        + " (" + limit.risk() + "); it is used as given: set it within the range or remove it"))
                .toList();
    }
}
