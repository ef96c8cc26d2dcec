package dev.numbers.peer.api.rng;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads {@code numbers.api.fail-after} (environment: {@code NUMBERS_API_FAIL_AFTER}, default 3; 0 or
 * less = never fails) and makes the application's one {@link CallBudget} from it.
 * <p>
 * Read as text, as the Liberty API does: a typo such as {@code NUMBERS_API_FAIL_AFTER=three} must not stop
 * the start with a conversion stack trace. It is logged once, the service serves nothing, and its
 * health names the problem.
 */
@Component
public class RngSettings {

    public static final String FAIL_AFTER = "numbers.api.fail-after";
    private static final Logger LOG = LoggerFactory.getLogger(RngSettings.class);

    private final CallBudget budget;
    private final String problem;

    public RngSettings(@Value("${" + FAIL_AFTER + ":3}") String failAfterText) {
        CallBudget parsed;
        String wrong = null;
        try {
            parsed = CallBudget.failingAfter(Long.parseLong(failAfterText.trim()));
        } catch (NumberFormatException e) {
            wrong = FAIL_AFTER + " must be a whole number, not '" + failAfterText + "'";
            LOG.error("{}: serving no numbers until it is fixed", wrong);
            parsed = CallBudget.spent();
        }
        this.budget = parsed;
        this.problem = wrong;
    }

    public CallBudget budget() {
        return budget;
    }

    /** What is wrong with the configuration, if anything. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
