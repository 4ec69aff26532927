package dev.scimkit.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogFilterTest {

    @Test
    void ordinaryPathsAreLoggedWhole() {
        String path = "/rest/scim/v2/Users/2819c223-7f76-453a-919d-413861904646";
        assertThat(AccessLogFilter.loggablePath(path)).isEqualTo(path);
    }

    @Test
    void aHugePathIsCutAndItsLengthSaid() {
        String path = "/rest/scim/v2/Users/" + "x".repeat(5_000);
        assertThat(AccessLogFilter.loggablePath(path))
                .startsWith("/rest/scim/v2/Users/xxx")
                .endsWith("…(" + path.length() + " chars)")
                .hasSizeLessThan(AccessLogFilter.MAX_LOGGED_PATH + 20);
    }
}
