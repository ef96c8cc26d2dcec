package dev.numbers.web.ops.state;

import dev.numbers.web.number.boundary.ApiCallMethods;
import dev.numbers.web.ops.entity.CircuitView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real state of the circuit breaker around the web's call to the API, read from Fault Tolerance's
 * own metrics (Fault Tolerance has no API for it). {@code ft.circuitbreaker.state.total} counts, per
 * state, the nanoseconds spent in it, including the time so far in the current state; so of two reads a
 * moment apart, the state whose count grew is the one the circuit is in now.
 */
@ApplicationScoped
public class CircuitBreakerReader {

    public static final List<String> STATES = List.of("closed", "open", "halfOpen");

    @Inject
    @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
    MetricRegistry base;

    public CircuitView read() {
        Map<String, Long> circuit = counts(ApiCallMethods.CIRCUIT_BREAKER);
        Map<String, Long> limit = counts(ApiCallMethods.BULKHEAD);
        return new CircuitView(ApiCallMethods.CIRCUIT_BREAKER, state(),
                circuit.getOrDefault("ft.circuitbreaker.opened.total", 0L),
                limit.getOrDefault("ft.invocations.total", 0L),
                circuit.getOrDefault("ft.circuitbreaker.calls.total/circuitBreakerResult=success", 0L),
                circuit.getOrDefault("ft.circuitbreaker.calls.total/circuitBreakerResult=failure", 0L),
                circuit.getOrDefault("ft.invocations.total/fallback=applied", 0L)
                        + limit.getOrDefault("ft.invocations.total/fallback=applied", 0L),
                circuit.getOrDefault("ft.circuitbreaker.calls.total/circuitBreakerResult=circuitBreakerOpen", 0L),
                limit.getOrDefault("ft.bulkhead.calls.total/bulkheadResult=rejected", 0L),
                circuit.getOrDefault("ft.timeout.calls.total/timedOut=true", 0L));
    }

    /** closed, open or halfOpen; closed until the method is first called, as every circuit breaker starts. */
    public String state() {
        Map<String, Double> before = stateNanos();
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000) {
            Thread.onSpinWait();
        }
        Map<String, Double> after = stateNanos();
        return STATES.stream().filter(state -> after.getOrDefault(state, 0d) > before.getOrDefault(state, 0d)).findFirst().orElse("closed");
    }

    private Map<String, Double> stateNanos() {
        return base.getGauges((id, metric) -> id.getName().equals("ft.circuitbreaker.state.total") && ofMethod(id, ApiCallMethods.CIRCUIT_BREAKER))
                .entrySet().stream().collect(Collectors.toMap(gauge -> gauge.getKey().getTags().get("state"),
                        gauge -> gauge.getValue().getValue().doubleValue(), (first, last) -> last));
    }

    /** Each counter of the method, summed under its name and under "name/tag=value" for each of its other tags. */
    private Map<String, Long> counts(String method) {
        Map<String, Long> counts = new HashMap<>();
        base.getCounters((id, metric) -> id.getName().startsWith("ft.") && ofMethod(id, method)).forEach((id, counter) -> {
            long count = counter.getCount();
            counts.merge(id.getName(), count, Long::sum);
            id.getTags().forEach((tag, value) -> {
                if (!tag.equals("method")) {
                    counts.merge(id.getName() + "/" + tag + "=" + value, count, Long::sum);
                }
            });
        });
        return counts;
    }

    private static boolean ofMethod(MetricID id, String method) {
        return method.equals(id.getTags().get("method"));
    }
}
