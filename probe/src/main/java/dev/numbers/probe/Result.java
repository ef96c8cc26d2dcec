package dev.numbers.probe;

/** The outcome of one check: healthy or not, and the one line that says why. */
final class Result {

    final boolean healthy;
    final String line;

    Result(boolean healthy, String line) {
        this.healthy = healthy;
        this.line = line;
    }
}
