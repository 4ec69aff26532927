package dev.scimkit.server.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScimAccessLogFilterTest {

    @Test
    void ordinaryPathsAreLoggedWhole() {
        String path = "/rest/scim/v2/Users/2819c223-7f76-453a-919d-413861904646";
        assertThat(ScimAccessLogFilter.loggablePath(path)).isEqualTo(path);
    }

    @Test
    void aHugePathIsCutAndItsLengthSaid() {
        String path = "/rest/scim/v2/Users/" + "x".repeat(5_000);
        assertThat(ScimAccessLogFilter.loggablePath(path))
                .startsWith("/rest/scim/v2/Users/xxx")
                .endsWith("…(" + path.length() + " chars)")
                .hasSizeLessThan(ScimAccessLogFilter.MAX_LOGGED_PATH + 20);
    }
}
