package dev.numbers.web.ops.state;

import dev.numbers.web.ops.entity.OpsStatus;
import dev.numbers.web.ops.entity.ServiceView;
import dev.numbers.web.ops.settings.OpsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** One consistent picture of everything the operations view shows, for the page and the JSON alike. */
@ApplicationScoped
public class OpsSnapshot {

    @Inject
    OpsSettings settings;

    @Inject
    HealthHistory history;

    @Inject
    CircuitBreakerReader circuit;

    public OpsStatus now() {
        List<ServiceView> services = history.services();
        return new OpsStatus(Instant.now(), settings.polling(), services,
                HealthHistory.timeline(services, settings.polling().historySize()), circuit.read());
    }
}
