package dev.numbers.web.number.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Fallback;

import java.util.OptionalInt;

/**
 * How many users may wait on the numbers-api at once. A slow or hung API holds each waiting request's
 * thread for up to the {@code @Timeout} of {@link RandomNumbers#next()}; past this limit a user gets the
 * "unavailable" answer at once instead of holding one more thread.
 * <p>
 * It stands outside the circuit breaker on purpose: a refusal here says the web is busy, not that the
 * API is failing, so it must never count towards opening the circuit. (With the bulkhead inside it, 22
 * of 32 users of a healthy API were refused, the refusals opened the circuit, and 97 % of users were told
 * the service was down while it was up.) The limit is sized for the web's own users, not for a slow API:
 * at the default, 128 users at once never see a refusal while the API is healthy. Override it with
 * {@code dev.numbers.web.number.control.ApiWaitLimit/next/Bulkhead/value}.
 */
@ApplicationScoped
public class ApiWaitLimit {

    @Inject
    RandomNumbers numbers;

    @Bulkhead(128)
    @Fallback(fallbackMethod = "unavailable")
    public OptionalInt next() {
        return numbers.next();
    }

    OptionalInt unavailable() {
        return OptionalInt.empty();
    }
}
