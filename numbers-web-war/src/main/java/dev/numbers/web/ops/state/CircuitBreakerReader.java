package dev.numbers.web.ops.state;

import dev.numbers.web.number.boundary.ApiCallMethods;
import dev.numbers.web.ops.entity.OpsStatus.CircuitView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

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
        String circuit = ApiCallMethods.CIRCUIT_BREAKER;
        String limit = ApiCallMethods.BULKHEAD;
        return new CircuitView(circuit, state(), count(circuit, "ft.circuitbreaker.opened.total"), count(limit, "ft.invocations.total"),
                count(circuit, "ft.circuitbreaker.calls.total", "circuitBreakerResult", "success"),
                count(circuit, "ft.circuitbreaker.calls.total", "circuitBreakerResult", "failure"),
                count(circuit, "ft.invocations.total", "fallback", "applied") + count(limit, "ft.invocations.total", "fallback", "applied"),
                count(circuit, "ft.circuitbreaker.calls.total", "circuitBreakerResult", "circuitBreakerOpen"),
                count(limit, "ft.bulkhead.calls.total", "bulkheadResult", "rejected"),
                count(circuit, "ft.timeout.calls.total", "timedOut", "true"));
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
        return base.getGauges((id, metric) -> id.getName().equals("ft.circuitbreaker.state.total")
                        && ApiCallMethods.CIRCUIT_BREAKER.equals(id.getTags().get("method")))
                .entrySet().stream().collect(Collectors.toMap(gauge -> gauge.getKey().getTags().get("state"),
                        gauge -> gauge.getValue().getValue().doubleValue(), (first, last) -> last));
    }

    /** The sum of the method's counters of that name, and with that tag if one is given as name and value. */
    private long count(String method, String name, String... tag) {
        return base.getCounters((id, metric) -> id.getName().equals(name) && method.equals(id.getTags().get("method"))
                && (tag.length == 0 || tag[1].equals(id.getTags().get(tag[0])))).values().stream().mapToLong(Counter::getCount).sum();
    }
}
