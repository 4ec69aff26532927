package dev.scimkit.tracktik.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The documented default {@link NameRule}:
 * <ol>
 *   <li>{@code name.givenName} and {@code name.familyName} as sent (a blank one counts as missing);</li>
 *   <li>a missing name comes from the first source, in the configured order, that has at least two
 *       words: the first word is the first name, the rest the last name. The default order is
 *       {@code name.formatted}, {@code displayName} (split on whitespace), then {@code userName}: its
 *       part before the first {@code @} split on {@code .}, {@code _}, {@code -} and whitespace
 *       ({@code ann.lee@example.com} → Ann's names "ann" and "lee");</li>
 *   <li>when no source has two words, the first source with one word gives that word as both names
 *       ({@code admin@example.com} → "admin" "admin"), so the employee is valid and History says
 *       the names were derived;</li>
 *   <li>when no source has a usable word (a userName of separators only), both names are
 *       {@link Builder#placeholder(String) the placeholder} ("Unknown").</li>
 * </ol>
 * Derived names longer than {@link NameRule#MAX_LENGTH} are cut there (never inside a surrogate pair).
 */
public final class StandardNameRule implements NameRule {

    /** A SCIM attribute a name can be derived from. */
    public enum Source {
        /** {@code name.formatted}, split on whitespace. */
        FORMATTED("name.formatted", Pattern.compile("(?U)\\s+")),
        /** {@code displayName}, split on whitespace. */
        DISPLAY_NAME("displayName", Pattern.compile("(?U)\\s+")),
        /** The part of {@code userName} before its first {@code @}, split on {@code . _ -} and whitespace. */
        USER_NAME("userName", Pattern.compile("(?U)[._\\-\\s]+"));

        private final String attribute;
        private final Pattern separators;

        Source(String attribute, Pattern separators) {
            this.attribute = attribute;
            this.separators = separators;
        }

        /** The SCIM attribute, as History names it. */
        public String attribute() {
            return attribute;
        }

        List<String> words(ObjectNode user) {
            String text = switch (this) {
                case FORMATTED -> ScimNodes.object(user, "name").map(n -> ScimNodes.text(n, "formatted")).orElse("");
                case DISPLAY_NAME -> ScimNodes.text(user, "displayName");
                case USER_NAME -> localPart(ScimNodes.text(user, "userName"));
            };
            List<String> out = new ArrayList<>();
            for (String w : separators.split(text)) {
                String cleaned = w.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
                if (!cleaned.isEmpty()) {
                    out.add(cleaned);
                }
            }
            return out;
        }

        private static String localPart(String userName) {
            int at = userName.indexOf('@');
            return at > 0 ? userName.substring(0, at) : userName;
        }
    }

    private final List<Source> sources;
    private final String placeholder;

    private StandardNameRule(Builder b) {
        this.sources = List.copyOf(b.sources);
        this.placeholder = b.placeholder;
    }

    /** A builder with the default order ({@code name.formatted}, {@code displayName}, {@code userName}). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Names namesFor(ObjectNode user) {
        Optional<ObjectNode> name = ScimNodes.object(user, "name");
        String given = name.map(n -> ScimNodes.text(n, "givenName")).orElse("");
        String family = name.map(n -> ScimNodes.text(n, "familyName")).orElse("");
        if (!given.isBlank() && !family.isBlank()) {
            return new Names(given, family, Map.of());
        }
        Map<String, String> derivedFrom = new LinkedHashMap<>();
        String[] derived = derive(user, derivedFrom);
        if (given.isBlank()) {
            given = derived[0];
        } else {
            derivedFrom.remove("firstName");
        }
        if (family.isBlank()) {
            family = derived[1];
        } else {
            derivedFrom.remove("lastName");
        }
        return new Names(given, family, derivedFrom);
    }

    /** First and last name from the first source that has them, noting the source of both. */
    private String[] derive(ObjectNode user, Map<String, String> derivedFrom) {
        Source single = null;
        List<String> singleWords = List.of();
        for (Source s : sources) {
            List<String> words = s.words(user);
            if (words.size() >= 2) {
                note(derivedFrom, s.attribute());
                return new String[] {cut(words.get(0)), cut(String.join(" ", words.subList(1, words.size())))};
            }
            if (words.size() == 1 && single == null) {
                single = s;
                singleWords = words;
            }
        }
        if (single != null) {
            note(derivedFrom, single.attribute());
            return new String[] {cut(singleWords.get(0)), cut(singleWords.get(0))};
        }
        note(derivedFrom, "nothing (placeholder)");
        return new String[] {placeholder, placeholder};
    }

    private static void note(Map<String, String> derivedFrom, String source) {
        derivedFrom.put("firstName", source);
        derivedFrom.put("lastName", source);
    }

    private static String cut(String s) {
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return s.substring(0, end).strip();
    }

    /** Options of {@link StandardNameRule}. */
    public static final class Builder {
        private List<Source> sources = List.of(Source.FORMATTED, Source.DISPLAY_NAME, Source.USER_NAME);
        private String placeholder = "Unknown";

        private Builder() {
        }

        /** The sources to derive names from, in order (at least one). */
        public Builder sources(Source... order) {
            if (order.length == 0) {
                throw new IllegalArgumentException("at least one source");
            }
            this.sources = Arrays.asList(order.clone());
            return this;
        }

        /** Both names when no source has a word; must not be blank. */
        public Builder placeholder(String text) {
            if (Objects.requireNonNull(text, "text").isBlank() || text.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("placeholder must be a non-blank name of at most " + MAX_LENGTH + " characters");
            }
            this.placeholder = text.strip();
            return this;
        }

        public StandardNameRule build() {
            return new StandardNameRule(this);
        }
    }
}
