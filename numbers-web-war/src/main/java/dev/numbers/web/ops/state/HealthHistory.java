package dev.numbers.web.ops.state;

import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.OpsStatus;
import dev.numbers.web.ops.entity.OpsStatus.CircuitView;
import dev.numbers.web.ops.entity.OpsStatus.ServiceView;
import dev.numbers.web.ops.entity.OpsStatus.Transition;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.settings.OpsSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The watched services' health over time, in memory: bounded per service and per check, lost on restart
 * (Prometheus keeps the long history; this answers "what is down, since when, how often").
 */
@ApplicationScoped
public class HealthHistory {

    private static final Logger LOG = Logger.getLogger(HealthHistory.class.getName());

    @Inject
    OpsSettings settings;

    private final Map<String, ServiceRecord> services = new LinkedHashMap<>();

    @PostConstruct
    void watch() {
        Instant now = Instant.now();
        for (Target target : settings.targets()) {
            services.put(target.name(), new ServiceRecord(target, settings.polling().historySize(), now));
        }
    }

    public void record(Target target, HealthReading reading) {
        // One line per change of a service, so the log tells the same story as the page.
        services.get(target.name()).record(reading).stream().filter(transition -> transition.check() == null)
                .forEach(transition -> LOG.info("ops: " + transition.service() + " " + transition.from() + " -> " + transition.to()
                        + (transition.detail() == null ? "" : " (" + transition.detail() + ")")));
    }

    /** The record of a watched service: every target has one. */
    public ServiceRecord service(String name) {
        return services.get(name);
    }

    /** Everything {@code /ops/status} answers and the page shows, as one consistent snapshot. */
    public OpsStatus snapshot(CircuitView circuit) {
        List<ServiceView> views = services.values().stream().map(ServiceRecord::view).toList();
        // The timeline: every service's and check's kept transitions together, newest first, as many as each keeps.
        List<Transition> timeline = views.stream()
                .flatMap(service -> Stream.concat(service.transitions().stream(), service.checks().stream().flatMap(check -> check.transitions().stream())))
                .sorted(Comparator.comparing(Transition::at).reversed()).limit(settings.polling().historySize()).toList();
        return new OpsStatus(Instant.now(), settings.polling(), views, timeline, circuit);
    }
}
