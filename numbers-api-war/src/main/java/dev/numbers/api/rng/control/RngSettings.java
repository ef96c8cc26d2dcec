package dev.numbers.api.rng.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads {@code numbers.api.fail-after} (environment: {@code NUMBERS_API_FAIL_AFTER}) and makes the
 * application's one {@link CallBudget} from it.
 * <p>
 * The value is read as text on purpose: a typo such as {@code NUMBERS_API_FAIL_AFTER=three} must not
 * fail the deployment with a conversion stack trace. It is reported in one log line, the service serves
 * nothing, readiness is DOWN and names the problem; liveness stays UP, as a restart cannot mend it.
 */
@ApplicationScoped
public class RngSettings {

    public static final String FAIL_AFTER = "numbers.api.fail-after";
    private static final Logger LOG = Logger.getLogger(RngSettings.class.getName());

    @Inject
    @ConfigProperty(name = FAIL_AFTER, defaultValue = "3")
    String failAfterText;

    private String problem;
    private CallBudget budget;

    @PostConstruct
    void read() {
        try {
            budget = CallBudget.failingAfter(Long.parseLong(failAfterText.trim()));
        } catch (NumberFormatException e) {
            problem = FAIL_AFTER + " must be a whole number, not '" + failAfterText + "'";
            LOG.severe(problem + ": serving no numbers until it is fixed");
            budget = CallBudget.spent();
        }
    }

    /** What is wrong with the configuration, if anything. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The one budget of the application; this bean's scope makes it one, so the product needs no proxy. */
    @Produces
    CallBudget callBudget() {
        return budget;
    }
}
