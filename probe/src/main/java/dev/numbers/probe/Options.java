package dev.numbers.probe;

import java.util.ArrayList;
import java.util.List;

/** The command line, parsed by hand: {@code [command] [options]}, long options also as {@code --name=value}. */
final class Options {

    static final String DEFAULT_URL = "http://localhost:9080/health";
    /** More failures in a row than anyone waits for; the bound keeps the count an int. */
    static final long MAX_STOP_AFTER = 1_000_000;
    /** Linux's largest process id (PID_MAX_LIMIT). */
    static final long MAX_PID = 4_194_304;

    String command = "http";
    String url;
    String configKey;
    String path;
    long timeoutMs = 2000;
    String expect;
    String serverDir;
    String configFile;
    final List<String> tcp = new ArrayList<>();
    long deadlineMs = 30_000;
    long intervalMs = 250;
    long maxIntervalMs = 5000;
    int stopAfter;
    /** null: the per-user default, {@link StateFile#defaultPath} */
    String stateFile;
    long stopPid = 1;
    boolean quiet;
    boolean verbose;
    boolean help;

    static Options parse(String[] args) throws UsageException {
        Options options = new Options();
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("-")) {
            options.command = args[0];
            i = 1;
            if (!options.command.equals("http") && !options.command.equals("wait") && !options.command.equals("help")) {
                throw new UsageException("unknown command '" + args[0] + "': use http, wait or help");
            }
            options.help = options.command.equals("help");
        }
        for (; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            switch (arg) {
                case "-h", "--help" -> options.help = true;
                case "-q", "--quiet" -> options.quiet = true;
                case "-v", "--verbose" -> options.verbose = true;
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length || !takesValue(arg)) {
                            throw new UsageException(takesValue(arg) ? arg + " needs a value" : "unknown option '" + arg + "'");
                        }
                        value = args[++i];
                    }
                    options.set(arg, value);
                }
            }
        }
        if (options.url != null && options.configKey != null) {
            throw new UsageException("give either --url or --config-key, not both");
        }
        if (options.stopAfter > 0 && !options.command.equals("http")) {
            throw new UsageException("--stop-after belongs to the http command, the health check");
        }
        if (!options.tcp.isEmpty() && options.command.equals("http")) {
            throw new UsageException("--tcp belongs to the wait command: probe wait --tcp host:port");
        }
        return options;
    }

    private static boolean takesValue(String option) {
        switch (option) {
            case "-u", "--url", "-t", "--timeout", "-c", "--config-key", "--path", "--expect", "--server-dir",
                    "--config-file", "--tcp", "--deadline", "--interval", "--max-interval", "--stop-after", "--state",
                    "--stop-pid":
                return true;
            default:
                return false;
        }
    }

    private void set(String option, String value) throws UsageException {
        switch (option) {
            case "-u", "--url" -> url = value;
            case "-t", "--timeout" -> timeoutMs = Numbers.parseMillis(value, option, 1, Numbers.HOUR_MS);
            case "-c", "--config-key" -> configKey = value;
            case "--path" -> path = value;
            case "--expect" -> expect = value;
            case "--server-dir" -> serverDir = value;
            case "--config-file" -> configFile = value;
            case "--tcp" -> tcp.add(value);
            case "--deadline" -> deadlineMs = Numbers.parseMillis(value, option, 0, Numbers.DAY_MS);
            case "--interval" -> intervalMs = Numbers.parseMillis(value, option, 1, Numbers.HOUR_MS);
            case "--max-interval" -> maxIntervalMs = Numbers.parseMillis(value, option, 1, Numbers.HOUR_MS);
            case "--stop-after" -> stopAfter = (int) Numbers.parseInRange(value, option, 0, MAX_STOP_AFTER, "failed checks in a row",
                    "--stop-after takes a whole number of checks, not '" + value + "'");
            case "--state" -> stateFile = value;
            case "--stop-pid" -> stopPid = Numbers.parseInRange(value, option, 1, MAX_PID, "a process id",
                    "--stop-pid takes a process id, not '" + value + "'");
            default -> throw new UsageException("unknown option '" + option + "'");
        }
    }
}
