package dev.numbers.probe;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar probe.jar [http|wait|help] [options]}: the container health check and dependency
 * check. Exit 0 healthy, 1 unhealthy, 2 usage or configuration error; always one line, never a stack trace.
 */
public final class Probe {

    static final int HEALTHY = 0;
    static final int UNHEALTHY = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java [@jvm.options] -jar probe.jar [http|wait|help] [options]
              http (default)          GET a URL once; healthy on 2xx (or --expect) within --timeout
              wait                    repeat the checks until all pass or --deadline runs out
            options:
              -u, --url URL           the URL to check (default http://localhost:9080/health)
              -c, --config-key KEY    take the URL from the app's configuration instead (e.g. numbers.api.url)
                  --path PATH         append PATH to the URL (e.g. /health/ready)
              -t, --timeout TIME      time for one whole exchange (default 2000 ms)
                  --expect LIST       healthy statuses, e.g. 200,503 or 200-399 or 2xx (default 2xx)
                  --server-dir DIR    Liberty server directory for -c (default $SERVER_CONFIG_DIR, else /config)
                  --config-file FILE  a properties file for -c, read last
                  --tcp HOST:PORT     (wait) also wait for a TCP port; may be repeated
                  --deadline TIME     (wait) give up after TIME (default 30s; 0 = one check)
                  --interval TIME     (wait) first pause between attempts (default 250 ms), doubling
                  --max-interval TIME (wait) longest pause (default 5s)
                  --stop-after N      (http) after N failed checks in a row, counted once one has passed,
                                      end process --stop-pid (default 1) gracefully: self-healing
                                      through the restart policy; 0 = never (default), at most 1000000
                  --state FILE        where --stop-after counts (default $TMPDIR or /tmp, then
                                      numbers-probe-<uid>/state); its directory must be a real directory,
                                      yours, writable by no one else
              -q, --quiet             print nothing
              -v, --verbose           also say where a configured URL came from
              -h, --help              this text
            https: the certificate must name the URL's host and come from a CA the JVM trusts
            (java -Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=... to add your own).
            TIME is milliseconds, or a number with ms, s, m or h: --timeout and the intervals at most 1h,
            --deadline at most 24h. Exit: 0 healthy, 1 unhealthy, 2 usage error.
            """;

    private Probe() {
    }

    public static void main(String[] args) {
        // The environment is read only for -c: building its map costs a health check milliseconds.
        System.exit(run(args, System.out, System.err, null, System.getProperties(), true));
    }

    /** @param env the environment, or null to read the process's own only when a lookup needs it */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Properties properties) {
        return run(args, out, err, env, properties, false);
    }

    /** @param mayRelaunch whether an https check may run again in a JVM with a compiler ({@link Jit}): main only */
    private static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Properties properties,
                           boolean mayRelaunch) {
        try {
            Options options = Options.parse(args);
            if (options.help) {
                out.print(USAGE_TEXT);
                return HEALTHY;
            }
            PrintStream results = options.quiet ? null : out;
            // What --verbose says is held back until it is known that this JVM runs the checks, not another.
            ByteArrayOutputStream verbose = mayRelaunch && options.verbose ? new ByteArrayOutputStream() : null;
            List<Check> checks = checks(options, verbose == null ? err : new PrintStream(verbose, true), env, properties);
            if (mayRelaunch && needsTls(checks) && Jit.interpretedOnly()) {
                List<String> command = Jit.compiledCommand(args);
                int exit = command == null ? -1 : Jit.run(command);
                if (exit >= 0) {
                    return exit;
                }
            }
            if (verbose != null) {
                err.write(verbose.toByteArray());
            }
            if (options.command.equals("wait")) {
                WaitLoop loop = new WaitLoop(checks, options.timeoutMs, options.deadlineMs, options.intervalMs, options.maxIntervalMs, results);
                return loop.run() ? HEALTHY : UNHEALTHY;
            }
            Result result = checks.get(0).run(System.nanoTime() + options.timeoutMs * 1_000_000);
            String line = result.line;
            if (options.stopAfter > 0) {
                boolean byDefault = options.stateFile == null;
                Path state = byDefault ? StateFile.defaultPath(env, StateFile.effectiveUid()) : Path.of(options.stateFile);
                String streak = new FailureStreak(state, options.stopPid, options.stopAfter, byDefault).record(result.healthy, line);
                line = streak == null ? line : line + " (" + streak + ")";
            }
            if (results != null) {
                results.println(oneLine(line));
            }
            return result.healthy ? HEALTHY : UNHEALTHY;
        } catch (UsageException e) {
            err.println(oneLine("probe: " + e.getMessage() + " (probe --help lists the options)"));
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("probe: interrupted");
            return UNHEALTHY;
        } catch (Throwable unexpected) {
            err.println(oneLine("probe: unexpected " + unexpected));
            return UNHEALTHY;
        }
    }

    private static List<Check> checks(Options options, PrintStream err, Map<String, String> env, Properties properties) throws UsageException {
        List<Check> checks = new ArrayList<>();
        boolean http = options.url != null || options.configKey != null || options.tcp.isEmpty();
        if (http) {
            String url = options.url;
            if (options.configKey != null) {
                if (env == null) {
                    env = System.getenv();
                }
                ConfigLookup lookup = new ConfigLookup(properties, env, ConfigLookup.serverDir(options.serverDir, env),
                        options.configFile == null ? null : Path.of(options.configFile));
                ConfigLookup.Found found = lookup.find(options.configKey);
                if (options.verbose) {
                    err.println(oneLine("probe: " + options.configKey + " = " + found.value + " (from " + found.source + ")"));
                }
                url = found.value.trim();
            } else if (url == null) {
                url = Options.DEFAULT_URL;
            }
            Expect expect = options.expect == null ? Expect.SUCCESS : Expect.parse(options.expect);
            checks.add(new HttpCheck(Target.parse(Target.join(url, options.path)), expect));
        }
        for (String hostPort : options.tcp) {
            checks.add(TcpCheck.parse(hostPort));
        }
        return checks;
    }

    private static boolean needsTls(List<Check> checks) {
        for (Check check : checks) {
            if (check instanceof HttpCheck && ((HttpCheck) check).tls()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What reaches a terminal or Docker's health log is one line, whatever a server sent: every control
     * character (C0, DEL and C1, U+0085 NEL among them), line and paragraph separator (U+2028, U+2029),
     * invisible format character (bidirectional overrides that reorder what a reader sees, zero-width
     * characters) and lone surrogate becomes a space. Cut at about 2000 characters.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), 2048));
        int i = 0;
        for (; i < text.length() && line.length() < 2000; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                line.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if (printable(Character.getType(codePoint))) {
                    line.append(c).append(text.charAt(i + 1));
                } else {
                    line.append(' ');
                }
                i++;
            } else {
                line.append(printable(Character.getType(c)) ? c : ' ');
            }
        }
        return i < text.length() ? line.append("...").toString() : line.toString();
    }

    private static boolean printable(int type) {
        return type != Character.CONTROL && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }
}
