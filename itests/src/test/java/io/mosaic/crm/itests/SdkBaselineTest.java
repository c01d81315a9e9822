package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The build refuses an SDK that changed incompatibly without a major version: runs
 * {@code plugins-sdk/baseline/check-baseline.sh}, which builds scratch copies of the SDK with an
 * incompatible and a compatible change, each without and with the right version bump.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class SdkBaselineTest {

    @Test
    void an_sdk_change_without_the_right_version_bump_fails_the_build() throws Exception {
        Path script = Path.of("../plugins-sdk/baseline/check-baseline.sh").toAbsolutePath().normalize();
        Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(output);
        assertThat(finished).as("check-baseline.sh finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("ok: removing Database.migrate without a major version bump -> build failed")
                .contains("ok: removing Database.migrate with package and bundle bumped to 2.0.0 -> build passed")
                .contains("ok: adding Database.healthy() without a minor version bump -> build failed")
                .contains("ok: adding Database.healthy() with the package bumped to 1.1.0 -> build passed");
    }
}
