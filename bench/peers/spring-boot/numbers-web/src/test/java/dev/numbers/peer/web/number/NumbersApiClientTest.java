package dev.numbers.peer.web.number;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumbersApiClientTest {

    private static ResourceAccessException wrapped(IOException cause) {
        return new ResourceAccessException("I/O error on GET request", cause);
    }

    @Test
    void unreachableIsDecidedByTypeOnly() {
        assertThat(NumbersApiClient.connectionFailed(wrapped(new ConnectException()))).isTrue();
        assertThat(NumbersApiClient.connectionFailed(wrapped(new UnknownHostException("x")))).isTrue();
        assertThat(NumbersApiClient.connectionFailed(wrapped(new NoRouteToHostException()))).isTrue();
        assertThat(NumbersApiClient.connectionFailed(wrapped(new HttpConnectTimeoutException("HTTP connect timed out")))).isTrue();
        // A slow answer is not worth a retry, whatever its message says.
        assertThat(NumbersApiClient.connectionFailed(wrapped(new HttpTimeoutException("connect")))).isFalse();
        assertThat(NumbersApiClient.connectionFailed(wrapped(new SocketTimeoutException("connect timed out")))).isFalse();
        assertThat(NumbersApiClient.connectionFailed(wrapped(new IOException("Connection refused")))).isFalse();
    }

    @Test
    void answersAreReadWithACap() throws IOException {
        assertThat(AnswerReader.read(body("42\n"))).isEqualTo(42);
        assertThatThrownBy(() -> AnswerReader.read(body("100"))).isInstanceOf(BadAnswerException.class);
        assertThatThrownBy(() -> AnswerReader.read(body("forty-two"))).isInstanceOf(BadAnswerException.class);
        assertThatThrownBy(() -> AnswerReader.read(body(""))).isInstanceOf(BadAnswerException.class);
        assertThatThrownBy(() -> AnswerReader.read(body("1".repeat(65)))).isInstanceOf(BadAnswerException.class);
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
