package dev.numbers.peer.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The book's scenario over HTTP: three numbers, then 500 for good, and health DOWN on every path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "numbers.api.fail-after=3")
class NumbersApiPeerTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void threeNumbersThenBrokenForGood() {
        for (String path : new String[] {"/health/live", "/health/ready", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
        for (int i = 0; i < 3; i++) {
            ResponseEntity<String> rng = http.getForEntity("/rng", String.class);
            assertThat(rng.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(rng.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
            assertThat(Integer.parseInt(rng.getBody())).isBetween(0, 99);
        }
        for (int i = 0; i < 2; i++) {
            ResponseEntity<String> broken = http.getForEntity("/rng", String.class);
            assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(broken.getBody()).isEqualTo("RNG broken: this service has failed for good, as the book's bug intends");
        }
        for (String path : new String[] {"/health/live", "/health/ready", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<String> health = http.getForEntity(path, String.class);
            assertThat(health.getStatusCode()).as(path).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(health.getBody()).contains("\"rng\":{\"status\":\"DOWN\"");
        }
    }
}
