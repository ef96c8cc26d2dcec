package dev.numbers.web.number.control;

import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only connection failures are worth a retry; a slow or broken API is not. */
class RandomNumbersTest {

    @Test
    void connectionFailuresAreRecognisedThroughTheClientsWrapping() {
        assertTrue(RandomNumbers.connectionFailed(new ProcessingException(new ConnectException("Connection refused"))));
        assertTrue(RandomNumbers.connectionFailed(new ProcessingException(new UnknownHostException("numbers-api"))));
        assertTrue(RandomNumbers.connectionFailed(new ProcessingException(new SocketTimeoutException("Connect timed out"))));
    }

    @Test
    void aSlowAnswerIsNotAConnectionFailure() {
        assertFalse(RandomNumbers.connectionFailed(new ProcessingException(new SocketTimeoutException("Read timed out"))));
        assertFalse(RandomNumbers.connectionFailed(new ProcessingException("something else")));
    }
}
