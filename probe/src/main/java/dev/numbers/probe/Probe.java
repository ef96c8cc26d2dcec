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

    /**
     * @param env         the environment, or null to read the process's own only when a lookup needs it
     * @param mayRelaunch whether an https check may run again in a JVM with a compiler ({@link Jit}): main only, not the tests
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Properties properties, boolean mayRelaunch) {
        try {
            Options options = Options.parse(args);
            if (options.help) {
                out.print(USAGE_TEXT);
                return HEALTHY;
            }
            Target target = options.target;
            ConfigLookup.Found found = null;
            if (options.configKey != null) {
                // The URL the app itself is configured with, plus --path.
                Map<String, String> environment = env == null ? System.getenv() : env;
                found = new ConfigLookup(properties, environment, ConfigLookup.serverDir(options.serverDir, environment),
                        options.configFile == null ? null : Path.of(options.configFile)).find(options.configKey);
                target = Target.parse(Target.join(found.value().trim(), options.path));
            }
            if (mayRelaunch && target != null && target.tls()) {
                int exit = Jit.relaunch(args);
                if (exit >= 0) {
                    return exit;
                }
            }
            // Said only once it is known that this JVM runs the checks, not another.
            if (options.verbose && found != null) {
                err.println(OneLine.printable("probe: " + options.configKey + " = " + found.value() + " (from " + found.source() + ")"));
            }
            PrintStream results = options.quiet ? null : out;
            List<Check> checks = new ArrayList<>(options.tcp);
            if (target != null) {
                checks.add(0, new HttpCheck(target, options.expect));
            }
            if (options.command.equals("wait")) {
                return WaitLoop.run(checks, options, results) ? HEALTHY : UNHEALTHY;
            }
            Result result = checks.get(0).run(System.nanoTime() + options.timeoutMs * 1_000_000);
            String line = result.line();
            if (options.stopAfter > 0) {
                int uid = FailureStreak.effectiveUid();
                boolean byDefault = options.stateFile == null;
                Path state = byDefault ? FailureStreak.defaultPath(env, uid) : Path.of(options.stateFile).toAbsolutePath();
                String streak = new FailureStreak(state, options.stopPid, options.stopAfter, uid, byDefault,
                        Path.of("/proc/" + options.stopPid + "/fd/1")).record(result.healthy(), line);
                line = streak == null ? line : line + " (" + streak + ")";
            }
            if (results != null) {
                results.println(OneLine.printable(line));
            }
            return result.healthy() ? HEALTHY : UNHEALTHY;
        } catch (UsageException e) {
            err.println(OneLine.printable("probe: " + e.getMessage() + " (probe --help lists the options)"));
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("probe: interrupted");
            return UNHEALTHY;
        } catch (Throwable unexpected) {
            err.println(OneLine.printable("probe: unexpected " + unexpected));
            return UNHEALTHY;
        }
    }
}
