package dev.numbers.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.util.Arrays;
import java.util.Random;

/**
 * A {@link Random} whose every choice is taken from Jazzer's bytes, so that the generators of the *FuzzTest
 * classes (the probe's, written for a seeded Random, and the web's, for any RandomGenerator) become structured
 * inputs that Jazzer's coverage guidance steers. A bounded choice costs only the bytes its range needs; when
 * the bytes run out, every choice is the smallest one, so every generator ends. Shared by the probe's and the
 * web's tests (the top-level src/test/fuzz, test scope only).
 */
public final class FuzzedRandom extends Random {

    private static final long serialVersionUID = 1L;

    private final transient FuzzedDataProvider data;

    public FuzzedRandom(FuzzedDataProvider data) {
        super(0);
        this.data = data;
    }

    @Override
    protected int next(int bits) {
        return data.consumeInt() >>> (32 - bits);
    }

    @Override
    public int nextInt() {
        return data.consumeInt();
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return data.consumeInt(0, bound - 1);
    }

    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin");
        }
        return data.consumeInt(origin, bound - 1);
    }

    @Override
    public long nextLong() {
        return data.consumeLong();
    }

    @Override
    public boolean nextBoolean() {
        return data.consumeBoolean();
    }

    @Override
    public double nextDouble() {
        return data.consumeProbabilityDouble();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] taken = data.consumeBytes(bytes.length);
        System.arraycopy(taken, 0, bytes, 0, taken.length);
        Arrays.fill(bytes, taken.length, bytes.length, (byte) 0);
    }
}
