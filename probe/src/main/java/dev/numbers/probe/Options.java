package dev.numbers.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed once into typed values: {@code [command] [options]}, long options also as
 * {@code --name=value}. Durations are milliseconds.
 */
final class Options {

    static final String DEFAULT_URL = "http://localhost:9080/health";
    /** More failures in a row than anyone waits for; the bound keeps the count an int. */
    static final long MAX_STOP_AFTER = 1_000_000;
    /** Linux's largest process id (PID_MAX_LIMIT). */
    static final long MAX_PID = 4_194_304;

    String command = "http";
    /** The URL to check, with --path; null when it comes from --config-key, or when wait has only --tcp. */
    Target target;
    String configKey;
    String path;
    long timeoutMs = 2000;
    Expect expect = Expect.SUCCESS;
    String serverDir;
    String configFile;
    final List<TcpCheck> tcp = new ArrayList<>();
    long deadlineMs = 30_000;
    long intervalMs = 250;
    long maxIntervalMs = 5000;
    int stopAfter;
    /** null: the per-user default, {@link FailureStreak#defaultPath} */
    String stateFile;
    long stopPid = 1;
    boolean quiet;
    boolean verbose;
    boolean help;
    /** While parsing: the argument being read, and its value when written --name=value. */
    private int at;
    private String inline;

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
        String url = null;
        String expect = null;
        List<String> tcp = new ArrayList<>();
        for (options.at = i; options.at < args.length; options.at++) {
            String option = args[options.at];
            int equals = option.indexOf('=');
            options.inline = option.startsWith("--") && equals > 0 ? option.substring(equals + 1) : null;
            option = options.inline != null ? option.substring(0, equals) : option;
            switch (option) {
                case "-h", "--help" -> options.help = true;
                case "-q", "--quiet" -> options.quiet = true;
                case "-v", "--verbose" -> options.verbose = true;
                case "-u", "--url" -> url = options.value(args, option);
                case "--expect" -> expect = options.value(args, option);
                case "--tcp" -> tcp.add(options.value(args, option));
                case "-t", "--timeout" -> options.timeoutMs = Numbers.parseMillis(options.value(args, option), option, 1, Numbers.HOUR_MS);
                case "-c", "--config-key" -> options.configKey = options.value(args, option);
                case "--path" -> options.path = options.value(args, option);
                case "--server-dir" -> options.serverDir = options.value(args, option);
                case "--config-file" -> options.configFile = options.value(args, option);
                case "--deadline" -> options.deadlineMs = Numbers.parseMillis(options.value(args, option), option, 0, Numbers.DAY_MS);
                case "--interval" -> options.intervalMs = Numbers.parseMillis(options.value(args, option), option, 1, Numbers.HOUR_MS);
                case "--max-interval" -> options.maxIntervalMs = Numbers.parseMillis(options.value(args, option), option, 1, Numbers.HOUR_MS);
                case "--stop-after" -> {
                    String value = options.value(args, option);
                    options.stopAfter = (int) Numbers.parseInRange(value, 0, MAX_STOP_AFTER, "--stop-after takes a whole number of checks, not '" + value + "'",
                            option + " must be from 0 to " + MAX_STOP_AFTER + " (failed checks in a row), not '" + value + "'");
                }
                case "--state" -> options.stateFile = options.value(args, option);
                case "--stop-pid" -> {
                    String value = options.value(args, option);
                    options.stopPid = Numbers.parseInRange(value, 1, MAX_PID, "--stop-pid takes a process id, not '" + value + "'",
                            option + " must be from 1 to " + MAX_PID + " (a process id), not '" + value + "'");
                }
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }
        if (url != null && options.configKey != null) {
            throw new UsageException("give either --url or --config-key, not both");
        }
        if (options.stopAfter > 0 && !options.command.equals("http")) {
            throw new UsageException("--stop-after belongs to the http command, the health check");
        }
        if (!tcp.isEmpty() && options.command.equals("http")) {
            throw new UsageException("--tcp belongs to the wait command: probe wait --tcp host:port");
        }
        if (!options.help) {
            options.expect = expect == null ? Expect.SUCCESS : Expect.parse(expect);
            if (options.configKey == null && (url != null || tcp.isEmpty())) {
                options.target = Target.parse(Target.join(url == null ? DEFAULT_URL : url, options.path));
            }
            for (String hostPort : tcp) {
                options.tcp.add(TcpCheck.parse(hostPort));
            }
        }
        return options;
    }

    /** The option's value: after its = (--name=value), else the next argument, which it then uses up. */
    private String value(String[] args, String option) throws UsageException {
        if (inline == null && at + 1 >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return inline != null ? inline : args[++at];
    }
}
