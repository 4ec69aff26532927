package dev.scimkit.tracktik.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredJsonTest {

    @Test
    void findsATopLevelStringIgnoringCaseAndNothingNested() {
        String json = "{\"name\":{\"displayName\":\"nested\"},\"emails\":[{\"displayName\":\"in array\"}],"
                + "\"DisplayName\":\"Ann Archer\",\"userName\":\"ann\"}";
        assertThat(StoredJson.topLevelText(json, "displayName")).isEqualTo("Ann Archer");
        assertThat(StoredJson.topLevelText("{\"name\":{\"displayName\":\"nested\"}}", "displayName")).isNull();
        assertThat(StoredJson.topLevelText("{\"displayName\":7,\"x\":\"y\"}", "displayName")).isNull();
        assertThat(StoredJson.topLevelText("[\"displayName\"]", "displayName")).isNull();
    }

    @Test
    void corruptJsonIsAnErrorNotAName() {
        assertThatThrownBy(() -> StoredJson.topLevelText("{\"displayName\":", "displayName"))
                .isInstanceOf(IllegalStateException.class);
    }
}
