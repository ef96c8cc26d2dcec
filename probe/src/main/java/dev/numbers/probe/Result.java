package dev.numbers.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** The outcome of one check: healthy or not, and the one line that says why. */
record Result(boolean healthy, String line) {

    static Result down(String name, long startNanos, String why) {
        return new Result(false, "DOWN " + name + " " + Deadline.millisSince(startNanos) + " ms: " + why);
    }

    /** Why a connection or exchange with {@code host} failed, in a few words, by the exception's type alone. */
    static String why(IOException e, String host) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + host;
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e instanceof SocketTimeoutException || e instanceof Deadline.Passed ? "timeout" : "I/O error: " + e.getMessage();
    }
}
