package dev.numbers.web.ops.boundary;

import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.settings.OpsSettings;
import dev.numbers.web.ops.state.CircuitBreakerReader;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpsGaugesTest {

    /** The gauges registered, by name and tag: "numbers.ops.circuitbreaker.state{state=open}". */
    private final Map<String, Supplier<?>> gauges = new LinkedHashMap<>();

    private MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("gauge") && args.length == 3 && args[1] instanceof Supplier<?> supplier) {
                        StringBuilder key = new StringBuilder(((Metadata) args[0]).getName());
                        for (Tag tag : (Tag[]) args[2]) {
                            key.append('{').append(tag.getTagName()).append('=').append(tag.getTagValue()).append('}');
                        }
                        gauges.put(key.toString(), supplier);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void oneScrapeReadsTheCircuitOnceAndSeesOneState() {
        AtomicInteger reads = new AtomicInteger();
        OpsGauges gauges = new OpsGauges();
        gauges.application = registry();
        gauges.settings = new OpsSettings() {
            @Override
            public List<Target> targets() {
                return List.of();
            }
        };
        gauges.circuit = new CircuitBreakerReader() {
            private final List<String> states = List.of("closed", "open", "halfOpen");

            @Override
            public String state() {
                // Each read a different state: three reads in one scrape would show none, or two, as current.
                return states.get(reads.getAndIncrement() % 3);
            }
        };
        gauges.register(new Object());

        double sum = 0;
        for (String state : CircuitBreakerReader.STATES) {
            sum += ((Number) this.gauges.get("numbers.ops.circuitbreaker.state{state=" + state + "}").get()).doubleValue();
        }

        assertEquals(1, reads.get(), "one read of the circuit per scrape, not one per gauge");
        assertEquals(1.0, sum, "exactly one state is the current one");
    }
}
