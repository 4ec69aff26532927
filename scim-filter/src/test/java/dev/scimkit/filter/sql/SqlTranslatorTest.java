package dev.scimkit.filter.sql;

import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlTranslatorTest {

    private static final SqlColumnMapping MAPPING = SqlColumnMapping.builder(SchemaRegistry.standard().user())
            .map("userName", "u.user_name")
            .map("externalId", "u.external_id")
            .map("meta.lastModified", "u.last_modified")
            .build();

    private static final SqlTranslator TRANSLATOR = new SqlTranslator(MAPPING);

    @Test
    void valuesAreBoundAndLikeWildcardsEscaped() {
        SqlTranslation t = TRANSLATOR.translate(Filters.parse("userName co \"50%_off!\""));
        assertThat(t.isComplete()).isTrue();
        SqlFragment where = t.where().orElseThrow();
        assertThat(where.sql()).isEqualTo("(u.user_name IS NOT NULL AND LOWER(u.user_name) LIKE LOWER(?) ESCAPE '!')");
        assertThat(where.parameters()).containsExactly("%50!%!_off!!%");
    }

    @Test
    void caseExactColumnsCompareWithoutLower() {
        SqlFragment where = TRANSLATOR.translate(Filters.parse("externalId eq \"AbC\"")).where().orElseThrow();
        assertThat(where.sql()).isEqualTo("(u.external_id IS NOT NULL AND u.external_id = ?)");
        assertThat(where.parameters()).containsExactly("AbC");
    }

    @Test
    void dateTimesAreTimestampParametersAndNeIsNotEq() {
        SqlFragment where = TRANSLATOR.translate(Filters.parse("meta.lastModified ne \"2011-05-13T04:42:34Z\""))
                .where().orElseThrow();
        assertThat(where.sql()).isEqualTo("(NOT (u.last_modified IS NOT NULL AND u.last_modified = ?))");
        assertThat(where.parameters()).containsExactly(Timestamp.from(Instant.parse("2011-05-13T04:42:34Z")));
    }

    @Test
    void andKeepsWhatItCannotTranslateAsResidualAndOrGivesUpAsAWhole() {
        SqlTranslation and = TRANSLATOR.translate(Filters.parse("userName eq \"a\" and emails[type eq \"work\"]"));
        assertThat(and.where().map(SqlFragment::sql)).contains("(u.user_name IS NOT NULL AND LOWER(u.user_name) = LOWER(?))");
        assertThat(and.residual()).contains(Filters.parse("emails[type eq \"work\"]"));

        // Entra ID's matching query for a work e-mail stays in memory as a whole, beside what SQL can take
        SqlTranslation valuePathTest = TRANSLATOR.translate(
                Filters.parse("emails[type eq \"work\"].value eq \"ann@contoso.com\" and meta.lastModified pr"));
        assertThat(valuePathTest.where().map(SqlFragment::sql)).contains("(u.last_modified IS NOT NULL)");
        assertThat(valuePathTest.residual()).contains(Filters.parse("emails[type eq \"work\" and value eq \"ann@contoso.com\"]"));

        SqlTranslation or = TRANSLATOR.translate(Filters.parse("userName eq \"a\" or title pr"));
        assertThat(or.where()).isEmpty();
        assertThat(or.residual()).contains(Filters.parse("userName eq \"a\" or title pr"));
    }

    @Test
    void stringOrderingStaysResidualUnlessAskedFor() {
        assertThat(TRANSLATOR.translate(Filters.parse("userName gt \"m\"")).where()).isEmpty();
        assertThat(new SqlTranslator(MAPPING, true).translate(Filters.parse("userName gt \"m\"")).where()
                .map(SqlFragment::parameters)).contains(List.of("m"));
    }

    @Test
    void onlySingleValuedSimpleKnownAttributesMap() {
        assertThatThrownBy(() -> SqlColumnMapping.builder(SchemaRegistry.standard().user()).map("emails.value", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlColumnMapping.builder(SchemaRegistry.standard().user()).map("favoriteColor", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MAPPING.column(Filters.parseAttributePath("urn:ietf:params:scim:schemas:core:2.0:User:USERNAME")))
                .contains(new SqlColumn("u.user_name", SqlType.STRING, false));
    }
}
