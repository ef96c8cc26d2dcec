package dev.numbers.api.rng.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ThreadLocalRandom;

/** The numbers themselves: 0 &lt;= n &lt; 100, as the book's API gives them. */
@ApplicationScoped
public class RandomNumbers {

    static final int BOUND = 100;

    public int next() {
        return ThreadLocalRandom.current().nextInt(BOUND);
    }
}
