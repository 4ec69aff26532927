package dev.scimkit.benchmarks.load;

/** A process's CPU time as Linux reports it in {@code /proc/<pid>/stat}. */
final class ProcessCpu {

    /** {@code getconf CLK_TCK}: 100 on every Linux architecture the JDK runs on. */
    static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /**
     * User plus system time, in clock ticks, from the text of {@code /proc/<pid>/stat}. The command
     * name (field 2) is in parentheses and may hold spaces and parentheses itself, so the fields are
     * counted from the last {@code ')'}: utime and stime are fields 14 and 15 of the line.
     */
    static long ticks(String statLine) {
        String[] after = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        // after[0] is field 3 (state): field n is after[n - 3]
        return Long.parseLong(after[14 - 3]) + Long.parseLong(after[15 - 3]);
    }
}
