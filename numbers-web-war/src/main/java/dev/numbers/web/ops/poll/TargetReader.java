package dev.numbers.web.ops.poll;

import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Target;

/** One poll of one target: {@link HealthReader} over HTTP in the application, a stand-in in tests. */
interface TargetReader {

    HealthReading read(Target target);

    /** Ends every poll in flight at once, without waiting: the application is stopping. */
    void abortAll();
}
