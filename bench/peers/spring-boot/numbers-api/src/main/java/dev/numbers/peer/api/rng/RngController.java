package dev.numbers.peer.api.rng;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /rng}: a random number 0 &lt;= n &lt; 100 as plain text, until the book's bug strikes; then
 * 500 with one plain line, for good, exactly like the Liberty API's RandomNumberResource.
 */
@RestController
public class RngController {

    static final String BROKEN = "RNG broken: this service has failed for good, as the book's bug intends";
    private static final Logger LOG = LoggerFactory.getLogger(RngController.class);
    private static final int BOUND = 100;

    private final CallBudget budget;

    public RngController(RngSettings settings) {
        this.budget = settings.budget();
    }

    @GetMapping(path = "/rng", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> next() {
        CallBudget.Outcome outcome = budget.spend();
        if (outcome == CallBudget.Outcome.SERVED) {
            return ResponseEntity.ok(String.valueOf(ThreadLocalRandom.current().nextInt(BOUND)));
        }
        if (outcome == CallBudget.Outcome.BREAKS_NOW) {
            LOG.warn("fail-after {} reached: /rng is broken for good and answers 500 from now on", budget.failAfter());
        }
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_PLAIN).body(BROKEN);
    }
}
