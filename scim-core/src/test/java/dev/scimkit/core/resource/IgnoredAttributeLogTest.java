package dev.scimkit.core.resource;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class IgnoredAttributeLogTest {

    private final IgnoredAttributeLog log = new IgnoredAttributeLog(LoggerFactory.getLogger(IgnoredAttributeLogTest.class));

    @Test
    void eachNameIsReportedLoudlyOnce() {
        assertThat(log.firstTime("User urn:example:custom:badge")).isTrue();
        assertThat(log.firstTime("User urn:example:custom:badge")).isFalse();
        assertThat(log.firstTime("Group urn:example:custom:badge")).as("per resource type").isTrue();
    }

    @Test
    void clientChosenNamesCannotGrowItWithoutBound() {
        for (int i = 0; i < IgnoredAttributeLog.CAPACITY; i++) {
            assertThat(log.firstTime("User junk" + i)).isTrue();
        }
        assertThat(log.firstTime("User one-too-many")).isFalse();
        assertThat(log.firstTime("User junk0")).isFalse();
    }
}
