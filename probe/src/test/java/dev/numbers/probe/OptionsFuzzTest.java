package dev.numbers.probe;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options and Numbers, the command line: any arguments are options in range or a one-line usage error. */
class OptionsFuzzTest {

    private static final String[] NAMES = {"-u", "--url", "-t", "--timeout", "-c", "--config-key", "--path", "--expect", "--server-dir",
            "--config-file", "--tcp", "--deadline", "--interval", "--max-interval", "--stop-after", "--state", "--stop-pid", "-q",
            "--quiet", "-v", "--verbose", "-h", "--help", "--", "-", "--frobnicate", "http", "wait", "help"};
    private static final String[] VALUES = {"0", "1", "500", "500ms", "3s", "2m", "1h", "25h", "-1", "", "ms", "s", "4294967297",
            "2147483648", "9223372036854775807", "99999999999999999999", "200,503", "2xx", "200-4294967495", "http://localhost/",
            "localhost:1", "=", "http", "wait", "help"};

    static String value(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Fuzz.oneOf(random, VALUES);
            case 1 -> new BigInteger(90, random).toString();
            default -> Fuzz.anyString(random, 8);
        };
    }

    static String[] commandLine(Random random) {
        String[] args = new String[random.nextInt(9)];
        for (int i = 0; i < args.length; i++) {
            args[i] = switch (random.nextInt(3)) {
                case 0 -> Fuzz.oneOf(random, NAMES);
                case 1 -> value(random);
                default -> Fuzz.oneOf(random, NAMES) + "=" + value(random);
            };
        }
        return args;
    }

    @Test
    void anyCommandLineIsOptionsInRangeOrAOneLineUsageError() {
        Fuzz.forAll("any command line", Fuzz.tries(1000), OptionsFuzzTest::commandLine, OptionsFuzzTest::inRangeOrUsageError);
    }

    /** The property of any command line (also driven by Jazzer: OptionsJazzerTest). */
    static void inRangeOrUsageError(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            assertTrue(!e.getMessage().isEmpty() && Fuzz.isOnePrintableLine(OneLine.printable(e.getMessage()) + "\n"), e.getMessage());
            return;
        }
        assertTrue(options.timeoutMs >= 1 && options.timeoutMs <= Numbers.HOUR_MS);
        assertTrue(options.deadlineMs >= 0 && options.deadlineMs <= Numbers.DAY_MS);
        assertTrue(options.intervalMs >= 1 && options.intervalMs <= Numbers.HOUR_MS);
        assertTrue(options.maxIntervalMs >= 1 && options.maxIntervalMs <= Numbers.HOUR_MS);
        assertTrue(options.stopAfter >= 0 && options.stopAfter <= Options.MAX_STOP_AFTER);
        assertTrue(options.stopPid >= 1 && options.stopPid <= Options.MAX_PID);
    }

    static String number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new BigInteger(1 + random.nextInt(100), random).toString();
            case 1 -> String.valueOf(random.nextInt(5_000_000));
            case 2 -> "000" + random.nextInt(5_000_000);
            default -> String.valueOf(Fuzz.oneOf(random, 0L, 1L, 1_000_000L, 1_000_001L, 4_194_304L, 4_194_305L, 3_600_000L, 3_600_001L,
                    86_400_000L, 86_400_001L, 2_147_483_648L, 4_294_967_297L, Long.MAX_VALUE));
        };
    }

    /** Each number is taken exactly when it is in range, and refused naming the option and the range when not. */
    @Test
    void aNumberIsTakenWhenInRangeAndRefusedNamingTheRangeWhenNot() {
        Fuzz.forAll("numbers for every numeric option", Fuzz.tries(400), OptionsFuzzTest::number, OptionsFuzzTest::takenExactlyInRange);
    }

    /** The property of a number given to every numeric option (also driven by Jazzer: OptionsJazzerTest). */
    static void takenExactlyInRange(String number) {
        BigInteger value = new BigInteger(number);
        check("--stop-after", number, value, 0, Options.MAX_STOP_AFTER, "must be from 0 to 1000000", o -> o.stopAfter);
        check("--stop-pid", number, value, 1, Options.MAX_PID, "must be from 1 to 4194304", o -> o.stopPid);
        check("--timeout", number, value, 1, Numbers.HOUR_MS, "must be more than 0 and at most 1h", o -> o.timeoutMs);
        check("--interval", number, value, 1, Numbers.HOUR_MS, "must be more than 0 and at most 1h", o -> o.intervalMs);
        check("--deadline", number, value, 0, Numbers.DAY_MS, "must be at most 24h", o -> o.deadlineMs);
    }

    interface Field {
        long of(Options options);
    }

    private static void check(String option, String number, BigInteger value, long min, long max, String range, Field field) {
        String[] args = option.equals("--deadline") || option.equals("--interval") ? new String[]{"wait", option, number} : new String[]{option, number};
        boolean inRange = value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
        try {
            Options options = Options.parse(args);
            assertTrue(inRange, Arrays.toString(args) + " taken");
            assertEquals(value.longValueExact(), field.of(options));
        } catch (UsageException e) {
            assertTrue(!inRange, Arrays.toString(args) + " refused: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(option + " " + range), e.getMessage());
            // The whole probe: exit 2, one line on stderr, nothing checked.
            ProbeRun run = ProbeRun.of(args);
            assertEquals(2, run.exit, run.toString());
            assertTrue(run.out.isEmpty() && Fuzz.isOnePrintableLine(run.err), run.toString());
        }
    }
}
