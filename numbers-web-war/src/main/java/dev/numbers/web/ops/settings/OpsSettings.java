package dev.numbers.web.ops.settings;

import dev.numbers.web.ops.entity.Polling;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.settings.BoundedNumber;
import dev.numbers.web.settings.Switch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/** The operations view's settings (numbers.ops.*), read once; each is MicroProfile Config, so an environment variable overrides it. */
@ApplicationScoped
public class OpsSettings {

    static final String ENABLED_KEY = "numbers.ops.enabled";
    static final String INTERVAL_KEY = "numbers.ops.interval-ms";
    static final String TIMEOUT_KEY = "numbers.ops.timeout-ms";
    static final String HISTORY_KEY = "numbers.ops.history-size";

    @Inject
    @ConfigProperty(name = ENABLED_KEY, defaultValue = "true")
    String enabledText;

    /**
     * Optional: MicroProfile Config treats an empty value as a missing one, so {@code NUMBERS_OPS_TARGETS=""}
     * failed the web's deployment when this was a plain String. Empty means no service to watch.
     */
    @Inject
    @ConfigProperty(name = WatchedTargets.KEY)
    Optional<String> targetsText;

    @Inject
    @ConfigProperty(name = INTERVAL_KEY, defaultValue = "5000")
    String intervalText;

    @Inject
    @ConfigProperty(name = TIMEOUT_KEY, defaultValue = "1000")
    String timeoutText;

    @Inject
    @ConfigProperty(name = HISTORY_KEY, defaultValue = "50")
    String historyText;

    private Polling polling;
    private List<Target> targets;

    @PostConstruct
    void read() {
        boolean enabled = Switch.parse(ENABLED_KEY, enabledText, true);
        polling = new Polling(enabled,
                BoundedNumber.parse(INTERVAL_KEY, intervalText, 5000, 100, 3_600_000),
                BoundedNumber.parse(TIMEOUT_KEY, timeoutText, 1000, 50, 60_000),
                (int) BoundedNumber.parse(HISTORY_KEY, historyText, 50, 1, 1000));
        targets = List.copyOf(WatchedTargets.parse(targetsText.orElse("")));
    }

    public Polling polling() {
        return polling;
    }

    public List<Target> targets() {
        return targets;
    }
}
