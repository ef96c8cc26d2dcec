package dev.numbers.probe;

/** Bad command line or configuration: exit code 2, one line, never a stack trace. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
