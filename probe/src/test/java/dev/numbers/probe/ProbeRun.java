package dev.numbers.probe;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** One run of the probe in this JVM, with its exit code, its output and how long it took. */
final class ProbeRun {

    final int exit;
    final String out;
    final String err;
    final long millis;

    private ProbeRun(int exit, String out, String err, long millis) {
        this.exit = exit;
        this.out = out;
        this.err = err;
        this.millis = millis;
    }

    static ProbeRun of(String... args) {
        return with(Map.of(), new Properties(), args);
    }

    static ProbeRun with(Map<String, String> env, Properties properties, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit = Probe.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, properties, false);
        return new ProbeRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public String toString() {
        return "exit " + exit + ", " + millis + " ms, out: " + out + " err: " + err;
    }
}
