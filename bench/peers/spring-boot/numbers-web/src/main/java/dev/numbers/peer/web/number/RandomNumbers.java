package dev.numbers.peer.web.number;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.OptionalInt;

/**
 * A number from the numbers-api, or an empty answer when it cannot be had: the Liberty web's
 * RandomNumbers, with Resilience4j's annotations instead of MicroProfile Fault Tolerance's. Every setting
 * of the instance {@value #API} is in application.yml (and application-as-was.yml); docs/fault-tolerance.md maps each
 * one to the Liberty annotation it mirrors.
 * <p>
 * Resilience4j's default aspect order nests them as MicroProfile does: Retry ( CircuitBreaker ( Bulkhead
 * ( call ) ) ). The fallback hangs on the outermost one, {@code @Retry}, so that it catches everything,
 * the circuit's and the bulkhead's rejections included, and still lets Retry see the failures it retries.
 * There is no {@code @TimeLimiter}: Resilience4j applies it to CompletionStage (and reactive) methods only;
 * the REST client's read timeout bounds this synchronous call instead.
 */
@Service
public class RandomNumbers {

    static final String API = "numbersApi";
    private static final Logger LOG = LoggerFactory.getLogger(RandomNumbers.class);

    private final NumbersApiClient api;

    public RandomNumbers(NumbersApiClient api) {
        this.api = api;
    }

    @Retry(name = API, fallbackMethod = "unavailable")
    @CircuitBreaker(name = API)
    @Bulkhead(name = API)
    public OptionalInt next() {
        try {
            return OptionalInt.of(api.next());
        } catch (BadAnswerException e) {
            LOG.warn("numbers-api gave a bad answer: {}", e.getMessage());
            throw e;
        }
    }

    /**
     * The fallback: the page says "RNG service unavailable!" and the JSON endpoint answers 503. Public on
     * purpose, as is this class: Resilience4j 2.x toggles the accessibility of a non-public fallback
     * method on every call, and under concurrent load that races into an IllegalAccessException, i.e. a
     * 500 (resilience4j issue 878).
     */
    public OptionalInt unavailable(Throwable cause) {
        return OptionalInt.empty();
    }
}
