package dev.numbers.web.ops.boundary;

import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.settings.OpsSettings;
import dev.numbers.web.ops.state.CircuitBreakerReader;
import dev.numbers.web.ops.state.HealthHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the poller and the circuit breaker know, as gauges on {@code /metrics}, so that a Prometheus-style
 * dashboard needs no JSON: {@code numbers_ops_service_up{service}} (1 UP, 0 DOWN, NaN before the first
 * poll), {@code numbers_ops_poll_latency_seconds{service}} and {@code numbers_ops_circuitbreaker_state{state}}
 * (1 for the state the circuit is in, 0 for the others).
 */
@ApplicationScoped
public class OpsGauges {

    static final long SCRAPE_MS = 500;

    @Inject
    MetricRegistry application;

    @Inject
    OpsSettings settings;

    @Inject
    HealthHistory history;

    @Inject
    CircuitBreakerReader circuit;

    private String stateRead;
    private long stateReadAt;

    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        Metadata up = Metadata.builder().withName("numbers.ops.service.up")
                .withDescription("1 when the watched service's MicroProfile Health was UP at the last poll, 0 when DOWN or unreachable").build();
        Metadata latency = Metadata.builder().withName("numbers.ops.poll.latency").withUnit(MetricUnits.SECONDS)
                .withDescription("How long the last poll of the watched service's health took").build();
        for (Target target : settings.targets()) {
            Tag service = new Tag("service", target.name());
            application.gauge(up, () -> Map.of(Status.UP, 1d, Status.DOWN, 0d)
                    .getOrDefault(history.service(target.name()).status(), Double.NaN), service);
            application.gauge(latency, () -> Optional.ofNullable(history.service(target.name()).lastPoll())
                    .map(poll -> poll.latencyMs() / 1000d).orElse(Double.NaN), service);
        }
        Metadata state = Metadata.builder().withName("numbers.ops.circuitbreaker.state")
                .withDescription("1 for the state the circuit breaker of the web's call to the API is in (closed, open, halfOpen), 0 for the others").build();
        for (String name : CircuitBreakerReader.STATES) {
            application.gauge(state, () -> circuitState().equals(name) ? 1 : 0, new Tag("state", name));
        }
    }

    /**
     * The circuit's state for one scrape. Each read samples the Fault Tolerance gauges twice around a
     * short spin; read once per state gauge, a scrape paid three times, and a change between the reads
     * showed two states at 1, or none. A scrape reads its gauges within milliseconds, so one read serves
     * every read within {@value #SCRAPE_MS} ms.
     */
    private synchronized String circuitState() {
        long now = System.nanoTime();
        if (stateRead == null || now - stateReadAt > TimeUnit.MILLISECONDS.toNanos(SCRAPE_MS)) {
            stateRead = circuit.state();
            stateReadAt = now;
        }
        return stateRead;
    }
}
