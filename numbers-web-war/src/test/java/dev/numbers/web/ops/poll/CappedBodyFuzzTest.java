package dev.numbers.web.ops.poll;

import dev.numbers.web.fuzz.Fuzz;
import dev.numbers.web.fuzz.Gen;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the HTTP client hands a {@link CappedBody} (any buffers, any sizes, an error, an abort at any
 * point, more data after the end), nothing throws, the body is exactly what came when it fits the cap,
 * and past the cap it is {@link CappedBody.TooLarge} with the exchange cancelled.
 */
class CappedBodyFuzzTest {

    /** One thing the client does to the subscriber. */
    private sealed interface Event permits Next, Abort, Failure, Complete {
    }

    private record Next(List<byte[]> buffers) implements Event {
    }

    private record Abort() implements Event {
    }

    private record Failure() implements Event {
    }

    private record Complete() implements Event {
    }

    record Script(int cap, List<Event> events) {
    }

    static Script script(RandomGenerator random) {
        int cap = 1 + Gen.length(random, 3 * 1024, 64, 1024);
        List<Event> events = new ArrayList<>();
        int count = Gen.length(random, 40);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(40);
            if (pick == 0) {
                events.add(new Abort());
            } else if (pick == 1) {
                events.add(new Failure());
            } else if (pick == 2) {
                events.add(new Complete());
            } else {
                List<byte[]> buffers = new ArrayList<>();
                int n = random.nextInt(4);
                for (int b = 0; b < n; b++) {
                    buffers.add(Gen.bytes(random, cap, cap, 0));
                }
                events.add(new Next(buffers));
            }
        }
        if (random.nextBoolean()) {
            events.add(new Complete());
        }
        return new Script(cap, events);
    }

    static void play(Script script) {
        boolean[] cancelled = {false};
        CappedBody body = new CappedBody(script.cap());
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
                cancelled[0] = true;
            }
        });
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        boolean ended = false;
        boolean aborted = false;
        boolean over = false;
        for (Event event : script.events()) {
            if (event instanceof Next next) {
                List<ByteBuffer> buffers = next.buffers().stream().map(ByteBuffer::wrap).toList();
                body.onNext(buffers);
                if (!ended && !aborted && !over) {
                    for (byte[] bytes : next.buffers()) {
                        if (!over && delivered.size() + bytes.length > script.cap()) {
                            over = true;
                        } else if (!over) {
                            delivered.write(bytes, 0, bytes.length);
                        }
                    }
                }
            } else if (event instanceof Abort) {
                body.abort();
                aborted = true;
                assertTrue(cancelled[0], "an abort cancels the exchange");
            } else if (event instanceof Failure) {
                body.onError(new IOException("reset"));
                ended = true;
            } else {
                body.onComplete();
                ended = true;
            }
        }
        CompletableFuture<byte[]> result = body.getBody().toCompletableFuture();
        if (over) {
            assertTrue(cancelled[0], "past the cap the exchange is cancelled");
            assertInstanceOf(CappedBody.TooLarge.class, failureOf(result));
        } else if (result.isDone() && !result.isCompletedExceptionally()) {
            assertArrayEquals(delivered.toByteArray(), result.join(), "the body is what came");
            assertTrue(result.join().length <= script.cap());
        }
    }

    private static Throwable failureOf(CompletableFuture<byte[]> result) {
        try {
            result.get();
            throw new AssertionError("completed normally");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anyBuffersAnyCapAnyOrder() {
        Fuzz.forAll("CappedBody any script", 3000, CappedBodyFuzzTest::script, CappedBodyFuzzTest::play);
    }
}
