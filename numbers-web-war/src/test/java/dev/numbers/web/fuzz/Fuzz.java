package dev.numbers.web.fuzz;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small seeded property harness: each property runs a number of tries, each try on an input made from
 * a random source seeded by (seed, property, try), so any failure is reproduced by its seed and try alone.
 * <p>
 * The ordinary test run uses each property's own small number of tries and the fixed seed below, a few
 * seconds in all. A longer run on demand: {@code -Dnumbers.fuzz.scale=K} (every property runs K times its
 * tries; 80 takes about 8 minutes on 2 cores), {@code -Dnumbers.fuzz.tries=N} (every property runs N tries)
 * and {@code -Dnumbers.fuzz.seed=S} (another seed, to explore other inputs); {@code -Dnumbers.fuzz.try=K}
 * replays the one try K of a failure. Each property prints one line: its tries, time and seed.
 * <p>
 * Why not jqwik: from 1.10 on it carries an "Anti-AI Usage Clause" asking that coding agents not use it,
 * and this harness was written by one. The properties are plain methods on an input, so that a
 * coverage-guided fuzzer (Jazzer's {@code @FuzzTest}) can drive them as well.
 */
public final class Fuzz {

    /** Fixed, so that CI runs the same inputs every time; a failure there is a failure here. */
    public static final long SEED = Long.getLong("numbers.fuzz.seed", 0x1205_2026L);

    private Fuzz() {
    }

    /**
     * @param tries this property's share of the ordinary run's budget
     * @param input makes one input from a random source
     * @param property throws (an assertion) when the input breaks it
     */
    public static <T> void forAll(String name, int tries, Function<SplittableRandom, T> input, Consumer<T> property) {
        int count = Integer.getInteger("numbers.fuzz.tries", tries * Integer.getInteger("numbers.fuzz.scale", 1));
        Integer only = Integer.getInteger("numbers.fuzz.try");
        long start = System.nanoTime();
        int done = 0;
        for (int i = only == null ? 0 : only; i < (only == null ? count : only + 1); i++) {
            SplittableRandom random = new SplittableRandom(SEED * 31 + name.hashCode() * 1_000_003L + i);
            T value = input.apply(random);
            try {
                property.accept(value);
            } catch (Throwable failure) {
                throw new AssertionError(name + " fails at try " + i + " (-Dnumbers.fuzz.seed=" + SEED + " -Dnumbers.fuzz.try=" + i
                        + "); input: " + Show.of(value), failure);
            }
            done++;
        }
        System.out.printf("fuzz: %s: %d tries in %d ms, seed %d%n", name, done, (System.nanoTime() - start) / 1_000_000, SEED);
    }
}
