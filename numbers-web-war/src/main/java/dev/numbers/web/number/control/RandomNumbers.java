package dev.numbers.web.number.control;

import dev.numbers.web.http.ExchangeFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * A number from the numbers-api, or an empty answer when it cannot be had: the book's numbers-web, made
 * resilient. The pages call it through {@link ApiWaitLimit}, which bounds how many users wait on it at
 * once; only the API's own failures reach this circuit breaker. Every value below is a default; each one
 * is overridden with the MicroProfile Fault Tolerance
 * key {@code dev.numbers.web.number.control.RandomNumbers/next/<Annotation>/<parameter>} (docs/fault-tolerance.md
 * lists them and says why they are what they are).
 */
@ApplicationScoped
public class RandomNumbers {

    private static final Logger LOG = Logger.getLogger(RandomNumbers.class.getName());

    @Inject
    @RestClient
    RandomNumberClient api;

    @Fallback(fallbackMethod = "unavailable")
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 3000, retryOn = ApiUnreachableException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1)
    @Timeout(1500)
    public OptionalInt next() {
        try (Response response = api.next()) {
            return OptionalInt.of(AnswerReader.read(response.readEntity(InputStream.class)));
        } catch (BadAnswerException e) {
            LOG.warning("numbers-api gave a bad answer: " + e.getMessage());
            throw e;
        } catch (ProcessingException e) {
            // Only a request the API cannot have seen is sent again (see ExchangeFailure.noConnection).
            if (ExchangeFailure.noConnection(e)) {
                throw new ApiUnreachableException("numbers-api unreachable: " + e.getCause(), e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("numbers-api answer broke off", e);
        }
    }

    /** The fallback: the page says "RNG service unavailable!" and the JSON endpoint answers 503. */
    OptionalInt unavailable() {
        return OptionalInt.empty();
    }
}
