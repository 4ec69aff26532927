package dev.scimkit.benchmarks.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reading a process's CPU time from {@code /proc/<pid>/stat}. */
class ProcessCpuTest {

    @Test
    void userAndSystemTimeAreFields14And15CountedAfterTheCommandName() {
        // a command name with spaces and a parenthesis, as Linux shows it (proc(5))
        String line = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 51229 0 21 0 1234 567 0 0 20 0 35 0 88 0 0";
        assertThat(ProcessCpu.ticks(line)).isEqualTo(1234 + 567);
    }

    @Test
    void thisProcessHasUsedSomeCpuAndMoreAfterWork() throws Exception {
        Path stat = Path.of("/proc/self/stat");
        assumeTrue(Files.isReadable(stat), "Linux /proc is not available here");
        long before = ProcessCpu.ticks(Files.readString(stat));
        long spin = System.nanoTime() + 300_000_000L;
        long sink = 0;
        while (System.nanoTime() < spin) {
            sink += Long.numberOfTrailingZeros(System.nanoTime());
        }
        long after = ProcessCpu.ticks(Files.readString(stat));
        assertThat(sink).isPositive();
        assertThat(after).isGreaterThan(before);
    }
}
