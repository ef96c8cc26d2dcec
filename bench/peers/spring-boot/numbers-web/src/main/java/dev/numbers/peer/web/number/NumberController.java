package dev.numbers.peer.web.number;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.OptionalInt;

/**
 * {@code GET /api/number}: {@code 200 {"number":N}} or {@code 503 {"error":"RNG service unavailable"}},
 * never cached: the same answers as the Liberty web's NumberResource.
 */
@RestController
public class NumberController {

    public record Drawn(int number) {
    }

    public record Unavailable(String error) {
    }

    private static final Unavailable UNAVAILABLE = new Unavailable("RNG service unavailable");

    private final RandomNumbers numbers;

    public NumberController(RandomNumbers numbers) {
        this.numbers = numbers;
    }

    @GetMapping(path = "/api/number", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> next() {
        OptionalInt drawn = numbers.next();
        ResponseEntity.BodyBuilder answer = drawn.isPresent()
                ? ResponseEntity.ok()
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
        return answer.cacheControl(CacheControl.noStore())
                .body(drawn.isPresent() ? new Drawn(drawn.getAsInt()) : UNAVAILABLE);
    }
}
