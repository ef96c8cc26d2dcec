package dev.numbers.web.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.util.random.RandomGenerator;

/**
 * A {@link RandomGenerator} whose every choice is taken from Jazzer's bytes, so that the generators of {@link Gen} and
 * the *FuzzTest classes become structured inputs that Jazzer's coverage guidance steers. A bounded choice costs only
 * the bytes its range needs; when the bytes run out, every choice is the smallest one, so every generator ends.
 */
public final class FuzzedRandom implements RandomGenerator {

    private final FuzzedDataProvider data;

    public FuzzedRandom(FuzzedDataProvider data) {
        this.data = data;
    }

    @Override
    public long nextLong() {
        return data.consumeLong();
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
        java.util.Arrays.fill(bytes, taken.length, bytes.length, (byte) 0);
    }
}
