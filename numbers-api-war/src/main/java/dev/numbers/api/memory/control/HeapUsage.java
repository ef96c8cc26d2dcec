package dev.numbers.api.memory.control;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** Heap in use against the most the JVM may take; the committed size stands in when no maximum is set. */
public record HeapUsage(long usedBytes, long maxBytes) {

    public static HeapUsage now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
        return new HeapUsage(heap.getUsed(), max);
    }

    public double share() {
        return maxBytes <= 0 ? 0 : (double) usedBytes / maxBytes;
    }
}
