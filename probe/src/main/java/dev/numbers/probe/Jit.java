package dev.numbers.probe;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JIT compiler, only for the checks that need it. jvm.options runs the probe interpreted (-Xint): a
 * plain http check is over before any compiler would pay for itself, and even an idle C1 costs every
 * start about 7 ms of CPU (measured). A TLS check is different: a trust store's key derivation, a
 * certificate chain and a key agreement, interpreted, take 2.8 to 5 s, beyond the 2 s default timeout. So
 * an https check that finds itself interpreted runs again in a JVM with C1 (the same command line plus
 * {@link #FLAGS}), which takes 0.4 to 0.8 s in all, and passes on its output and exit code. The
 * command line comes from /proc/self/cmdline; where it cannot be read or does not add up, the check runs
 * here, interpreted, as before.
 */
final class Jit {

    /** After the command line's own options, so they win over jvm.options' -Xint. */
    static final List<String> FLAGS = List.of("-Xmixed", "-XX:TieredStopAtLevel=1");

    private Jit() {
    }

    /**
     * When this JVM runs interpreted only, runs its command line again with {@link #FLAGS} before the jar or
     * main class, with this process's standard streams, and returns that exit code; -1 when this JVM has a
     * compiler, its command line cannot be known for sure, or the other cannot be started (the caller then
     * runs the check itself).
     *
     * @param args the program's arguments, as main received them
     */
    static int relaunch(String[] args) throws InterruptedException {
        if (!System.getProperty("java.vm.info", "").contains("interpreted mode")) {
            return -1;
        }
        List<String> argv;
        try {
            // NUL-terminated arguments; an empty one stays (limit -1), the empty text after the last NUL goes.
            String[] raw = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), Charset.defaultCharset()).split("\0", -1);
            argv = Arrays.asList(raw).subList(0, raw.length - 1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        int programArgs = argv.size() - args.length;
        if (programArgs < 2 || !argv.subList(programArgs, argv.size()).equals(Arrays.asList(args))) {
            return -1;
        }
        // java [options] -jar JAR args... or java [options] MAIN args...
        int launch = programArgs >= 3 && argv.get(programArgs - 2).equals("-jar") ? programArgs - 2 : programArgs - 1;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(argv.subList(1, launch));
        command.addAll(FLAGS);
        command.addAll(argv.subList(launch, argv.size()));
        // Nothing interrupts the probe's main thread: no destroy-on-interrupt path.
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
