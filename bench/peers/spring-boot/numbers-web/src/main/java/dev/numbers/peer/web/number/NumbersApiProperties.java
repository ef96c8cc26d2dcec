package dev.numbers.peer.web.number;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the numbers-api is and how long the web waits on it (defaults in application.yml):
 * {@code numbers.api.url} ({@code NUMBERS_API_URL}), {@code numbers.api.connect-timeout}
 * ({@code NUMBERS_API_CONNECT_TIMEOUT}), {@code numbers.api.read-timeout} ({@code NUMBERS_API_READ_TIMEOUT}).
 * A bare number is milliseconds.
 */
@ConfigurationProperties("numbers.api")
public record NumbersApiProperties(URI url, Duration connectTimeout, Duration readTimeout) {
}
