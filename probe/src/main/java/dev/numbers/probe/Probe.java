package dev.numbers.probe;

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
                                      through the restart policy; 0 = never (default)
                  --state FILE        where --stop-after counts (default /tmp/numbers-probe.state)
              -q, --quiet             print nothing
              -v, --verbose           also say where a configured URL came from
              -h, --help              this text
            TIME is milliseconds, or a number with ms, s or m. Exit: 0 healthy, 1 unhealthy, 2 usage error.
            """;

    private Probe() {
    }

    public static void main(String[] args) {
        // The environment is read only for -c: building its map costs a health check milliseconds.
        System.exit(run(args, System.out, System.err, null, System.getProperties()));
    }

    /** @param env the environment, or null to read the process's own only when a lookup needs it */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Properties properties) {
        try {
            Options options = Options.parse(args);
            if (options.help) {
                out.print(USAGE_TEXT);
                return HEALTHY;
            }
            PrintStream results = options.quiet ? null : out;
            List<Check> checks = checks(options, err, env, properties);
            if (options.command.equals("wait")) {
                WaitLoop loop = new WaitLoop(checks, options.timeoutMs, options.deadlineMs, options.intervalMs, options.maxIntervalMs, results);
                return loop.run() ? HEALTHY : UNHEALTHY;
            }
            Result result = checks.get(0).run(System.nanoTime() + options.timeoutMs * 1_000_000);
            String line = result.line;
            if (options.stopAfter > 0) {
                String streak = new FailureStreak(Path.of(options.stateFile), options.stopPid, options.stopAfter).record(result.healthy, line);
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

    /** What reaches a terminal or Docker's health log is one line, whatever a server sent. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), 2048));
        for (int i = 0; i < text.length() && line.length() < 2000; i++) {
            char c = text.charAt(i);
            line.append(c < ' ' || c == 0x7f ? ' ' : c);
        }
        return line.length() < text.length() ? line.append("...").toString() : line.toString();
    }
}
