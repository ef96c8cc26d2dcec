package dev.numbers.peer.web.number;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.OptionalInt;

/**
 * {@code GET /} shows the button; {@code POST /} is the button pressed without JavaScript. Both answer
 * 200, the fallback too (the page then says "RNG service unavailable!"), as the Liberty web's
 * NumberPageResource does.
 */
@RestController
public class NumberPageController {

    private final RandomNumbers numbers;

    public NumberPageController(RandomNumbers numbers) {
        this.numbers = numbers;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page() {
        return html(NumberPage.render(OptionalInt.empty(), false));
    }

    @PostMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> draw() {
        return html(NumberPage.render(numbers.next(), true));
    }

    /** Only the page's own inline code may run, never cached, never sniffed. */
    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok()
                .header("Content-Security-Policy", NumberPage.CONTENT_SECURITY_POLICY)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(page);
    }
}
