package dev.numbers.web.ops.poll;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a cap: a health endpoint that answers megabytes is a broken one,
 * and must not cost the web its heap. Past the cap the exchange is cancelled, which closes the connection.
 * {@link #abort()} does the same when the poll's time is up while the body still trickles in.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    static final class TooLarge extends RuntimeException {
        TooLarge(int cap) {
            super("a body over " + cap / 1024 + " KiB", null, false, false);
        }
    }

    private final int cap;
    /**
     * Made up front, while the application runs: a body that outgrows its cap after the application
     * stopped would otherwise load this class from a closed class loader (a CI log: ClassFormatError).
     */
    private final TooLarge tooLarge;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean aborted;

    CappedBody(int cap) {
        this.cap = cap;
        this.tooLarge = new TooLarge(cap);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (aborted || result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + buffer.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(tooLarge);
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Ends the read: the connection is closed and whatever still arrives is dropped unread. */
    void abort() {
        aborted = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
