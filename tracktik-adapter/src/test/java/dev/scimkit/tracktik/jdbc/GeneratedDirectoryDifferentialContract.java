package dev.scimkit.tracktik.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaRegistry;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.eval.FilterEvaluator;
import dev.scimkit.server.query.KeysetOrdering;
import dev.scimkit.server.query.ResourceOrdering;
import dev.scimkit.server.spi.KeysetPage;
import dev.scimkit.server.spi.PagePosition;
import dev.scimkit.server.spi.Projection;
import dev.scimkit.server.spi.ResourceRepository;
import dev.scimkit.server.spi.ScimPrincipal;
import dev.scimkit.server.spi.SearchQuery;
import dev.scimkit.server.spi.SearchResult;
import dev.scimkit.server.spi.SortOrder;
import dev.scimkit.server.spi.SortSpec;
import dev.scimkit.server.spi.TenantId;
import dev.scimkit.tracktik.scim.TrackTikRepositories;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL push-down ≡ in-memory evaluation over generated directories, for each database the JDBC store
 * runs on: every try writes a fresh directory of Users (Unicode and case variants, empty and long
 * values, missing attributes, multi-valued e-mails) into a tenant of its own, then asks the repository
 * filters over every attribute the default mapping pushes down ({@code id}, {@code userName},
 * {@code externalId}, {@code title}, {@code active}, {@code meta.created}, {@code meta.lastModified},
 * the enterprise {@code employeeNumber} and {@code department}) and some it cannot (names, e-mails),
 * with every operator, {@code pr}, sorting and paging. The literals are drawn from the directory's own
 * values and their case variants and substrings, so {@code eq} and {@code sw} find something, and a
 * case-sensitivity slip shows in most tries instead of one run in seven.
 *
 * <p>The oracle is {@link FilterEvaluator} over the directory as the repository lists it, and
 * {@link ResourceOrdering} for the order; ties under a sort key may come in any stable order. Every
 * query is also walked by cursor (RFC 9865 keyset pages, forward and backward), which must give the
 * same resources in {@link KeysetOrdering}'s order. Groups get the same treatment over their
 * displayName and members ({@link #groupsPushDownAndInMemoryAgree}).
 */
abstract class GeneratedDirectoryDifferentialContract {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final ResourceTypeDefinition USER = SchemaRegistry.standard().user();
    private static final ResourceTypeDefinition GROUP = SchemaRegistry.standard().group();
    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static final String LONG = "L".repeat(120) + "\u00e9";

    /** The repositories on the database under test. */
    abstract TrackTikRepositories repositories();

    /** One generated User: each field may be absent (null). */
    record Person(String userName, String externalId, String title, boolean active, String given, String family,
                  String nick, List<String> emailHandles, String department, boolean hasEmployeeNumber) {
    }

    /** A query over a directory, chosen by indexes into its values so it fits any directory. */
    record Probe(int atom1, int atom2, int shape, int sortBy, boolean descending, int start, int count) {
    }

    private static final List<String> WORDS = List.of("ada", "Ada", "ADA", "\u00c9dith", "\u00e9dith", "\u0130lker",
            "\u0131lker", "stra\u00dfe", "STRASSE", "O'Neil", "100%", "a_b", "\u03a9mega", "\u03c9mega", "\u212aelvin",
            "kelvin", "Z\u00fcrich", "z\u00dcrich", "\ud83d\ude00smile", "", " ", "x");

    @Provide
    Arbitrary<List<Person>> directories() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.just(LONG),
                Arbitraries.strings().withCharRange('\u0020', '\u024f').ofMaxLength(8));
        Arbitrary<String> optional = word.injectNull(0.3);
        Arbitrary<Person> person = Combinators.combine(
                Combinators.combine(word, optional, optional, Arbitraries.of(true, false)).as(Tuple::of),
                Combinators.combine(optional, optional, optional).as(Tuple::of),
                Arbitraries.of("work", "home").list().ofMaxSize(2),
                optional, Arbitraries.of(true, false))
                .as((a, b, mails, department, number) -> new Person(a.get1(), a.get2(), a.get3(), a.get4(),
                        b.get1(), b.get2(), b.get3(), mails, department, number));
        return person.list().ofMinSize(1).ofMaxSize(9);
    }

    /** For each Group, which of the directory's first six Users are its members (bit i: User i). */
    @Provide
    Arbitrary<List<Integer>> memberMasks() {
        // at least three Groups: with one, every non-empty answer would be "all of them"
        return Arbitraries.integers().between(0, 63).list().ofMinSize(3).ofMaxSize(7);
    }

    @Provide
    Arbitrary<List<Probe>> probes() {
        // Uniform: jqwik's default favours small numbers, which would pick the same value and operator.
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1_000_000).withDistribution(RandomDistribution.uniform());
        return Combinators.combine(any, any, Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 8),
                        Arbitraries.of(true, false), Arbitraries.integers().between(1, 11), Arbitraries.integers().between(0, 5))
                .as(Probe::new).list().ofMinSize(6).ofMaxSize(12);
    }

    /** The property; each database's subclass runs it as a {@code @Property} with its own number of tries. */
    void pushDownAndInMemoryAgree(@ForAll("directories") List<Person> people, @ForAll("probes") List<Probe> probes) {
        TenantId tenant = TenantId.of("gen-" + TENANTS.incrementAndGet() + "-" + System.nanoTime());
        ResourceRepository users = repositories().users();
        ScimPrincipal caller = ScimPrincipal.client(tenant, "differential");
        for (int i = 0; i < people.size(); i++) {
            users.create(caller, resource(people.get(i), i));
        }
        List<ObjectNode> all = users.search(tenant, SearchQuery.all(1_000)).resources();
        assertThat(all).hasSize(people.size());
        Values values = new Values(all);
        FilterEvaluator evaluator = new FilterEvaluator(USER);
        for (Probe probe : probes) {
            String text = values.filter(probe);
            Filter filter = Filters.parse(text);
            List<ObjectNode> expected = new ArrayList<>(all.stream().filter(u -> evaluator.matches(filter, u)).toList());
            Statistics.label("matches").collect(expected.isEmpty() ? "none" : expected.size() == all.size() ? "all" : "some");
            Optional<SortSpec> sort = Values.sort(probe);
            sort.ifPresent(s -> expected.sort(ResourceOrdering.comparator(USER, s)));

            SearchQuery query = new SearchQuery(Optional.of(filter), sort, 1, 1_000, Projection.DEFAULT);
            List<ObjectNode> whole = users.search(tenant, query).resources();
            assertThat(ids(whole)).as("%s sorted by %s", text, sort).containsExactlyInAnyOrderElementsOf(ids(expected));
            assertSameOrder(whole, expected, sort, text);

            // One page: a slice of the whole result, with totalResults of the whole.
            SearchResult page = users.search(tenant, query.withPage(probe.start(), probe.count()));
            assertThat(page.totalResults()).as(text).isEqualTo(expected.size());
            int from = Math.min(probe.start() - 1, whole.size());
            assertThat(ids(page.resources())).as("%s page %d/%d", text, probe.start(), probe.count())
                    .containsExactlyElementsOf(ids(whole.subList(from, Math.min(whole.size(), from + probe.count()))));

            // Cursor pages (RFC 9865), forward and backward, in the keyset order (sort key, then id).
            assertCursorWalks(users, tenant, USER, filter, sort, Math.max(1, probe.count()), expected, text);
        }
        // Most filters must select something and leave something out, and case variants must be asked
        // for, or the property compares empty results.
        Statistics.label("matches").coverage(c -> c.check("some").percentage(p -> p >= 15));
        Statistics.label("literal").coverage(c -> {
            c.check("upper").percentage(p -> p >= 3);
            c.check("lower").percentage(p -> p >= 3);
            c.check("swapped").percentage(p -> p >= 3);
        });
    }

    /**
     * Groups, on the same database: displayName (pushed down, unique without regard to case) and
     * members (read from memberships) under every operator, {@code pr}, value filters on members,
     * sorting, index paging and cursor paging, against {@link FilterEvaluator} over the groups as the
     * repository lists them. Members are random subsets of a generated directory's Users.
     */
    void groupsPushDownAndInMemoryAgree(List<Person> people, List<Integer> memberMasks, List<Probe> probes) {
        TenantId tenant = TenantId.of("gen-g-" + TENANTS.incrementAndGet() + "-" + System.nanoTime());
        ScimPrincipal caller = ScimPrincipal.client(tenant, "differential");
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < Math.min(people.size(), 6); i++) {
            userIds.add(repositories().users().create(caller, resource(people.get(i), i)).path("id").asText());
        }
        ResourceRepository groups = repositories().groups();
        for (int g = 0; g < memberMasks.size(); g++) {
            Person named = people.get(g % people.size());
            String given = named.given() != null ? named.given() : named.userName();
            String base = given.substring(0, Math.min(given.length(), 40));
            ObjectNode group = ScimJson.object();
            group.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Group");
            group.put("displayName", base + "#" + g);
            ArrayNode members = group.putArray("members");
            for (int u = 0; u < userIds.size(); u++) {
                if ((memberMasks.get(g) & (1 << u)) != 0) {
                    members.addObject().put("value", userIds.get(u));
                }
            }
            groups.create(caller, group);
        }
        List<ObjectNode> all = groups.search(tenant, SearchQuery.all(1_000)).resources();
        assertThat(all).hasSize(memberMasks.size());
        FilterEvaluator evaluator = new FilterEvaluator(GROUP);
        GroupValues values = new GroupValues(all, userIds);
        for (Probe probe : probes) {
            String text = values.filter(probe);
            Filter filter = Filters.parse(text);
            List<ObjectNode> expected = new ArrayList<>(all.stream().filter(g -> evaluator.matches(filter, g)).toList());
            Statistics.label("matches").collect(expected.isEmpty() ? "none" : expected.size() == all.size() ? "all" : "some");
            Optional<SortSpec> sort = GroupValues.sort(probe);
            sort.ifPresent(s -> expected.sort(ResourceOrdering.comparator(GROUP, s)));

            SearchQuery query = new SearchQuery(Optional.of(filter), sort, 1, 1_000, Projection.DEFAULT);
            List<ObjectNode> whole = groups.search(tenant, query).resources();
            assertThat(ids(whole)).as("%s sorted by %s", text, sort).containsExactlyInAnyOrderElementsOf(ids(expected));
            if (sort.isPresent()) {
                Comparator<ObjectNode> order = ResourceOrdering.comparator(GROUP, sort.get());
                for (int i = 0; i < whole.size(); i++) {
                    assertThat(order.compare(whole.get(i), expected.get(i))).as("%s sorted by %s at %d", text, sort, i).isZero();
                }
            }
            SearchResult page = groups.search(tenant, query.withPage(probe.start(), probe.count()));
            assertThat(page.totalResults()).as(text).isEqualTo(expected.size());
            int from = Math.min(probe.start() - 1, whole.size());
            assertThat(ids(page.resources())).as("%s page %d/%d", text, probe.start(), probe.count())
                    .containsExactlyElementsOf(ids(whole.subList(from, Math.min(whole.size(), from + probe.count()))));
            assertCursorWalks(groups, tenant, GROUP, filter, sort, Math.max(1, probe.count()), expected, text);
        }
        // fewer tries than the Users' property (PostgreSQL runs 8), so a lower bar against chance
        Statistics.label("matches").coverage(c -> c.check("some").percentage(p -> p >= 10));
    }

    /** Walks cursor pages forward and backward to the end; both must give {@code expected} in keyset order. */
    private static void assertCursorWalks(ResourceRepository repository, TenantId tenant, ResourceTypeDefinition type,
                                          Filter filter, Optional<SortSpec> sort, int count, List<ObjectNode> expected,
                                          String text) {
        KeysetOrdering order = KeysetOrdering.of(type, sort);
        List<ObjectNode> inOrder = new ArrayList<>(expected);
        inOrder.sort((a, b) -> order.compare(order.positionOf(a), order.positionOf(b)));
        List<String> wanted = ids(inOrder);
        SearchQuery query = new SearchQuery(Optional.of(filter), sort, 1, count, Projection.DEFAULT);

        List<String> forward = new ArrayList<>();
        Optional<PagePosition> boundary = Optional.empty();
        for (int guard = 0; guard <= wanted.size() + 1; guard++) {
            SearchResult page = repository.searchKeyset(tenant, query, new KeysetPage(boundary, false, count)).orElseThrow();
            assertThat(page.totalResults()).as(text).isEqualTo(wanted.size());
            page.resources().forEach(r -> forward.add(r.path("id").asText()));
            if (page.resources().size() < count) {
                break;
            }
            boundary = Optional.of(order.positionOf(page.resources().get(page.resources().size() - 1)));
        }
        assertThat(forward).as("%s by %s, cursor pages of %d", text, sort, count).isEqualTo(wanted);

        List<String> backward = new ArrayList<>();
        boundary = Optional.empty();
        for (int guard = 0; guard <= wanted.size() + 1; guard++) {
            SearchResult page = repository.searchKeyset(tenant, query, new KeysetPage(boundary, true, count)).orElseThrow();
            List<String> pageIds = ids(page.resources());
            backward.addAll(0, pageIds);
            if (pageIds.size() < count) {
                break;
            }
            boundary = Optional.of(order.positionOf(page.resources().get(0)));
        }
        assertThat(backward).as("%s by %s, cursor pages of %d backward", text, sort, count).isEqualTo(wanted);
    }

    private static void assertSameOrder(List<ObjectNode> actual, List<ObjectNode> expected, Optional<SortSpec> sort,
                                        String text) {
        if (sort.isEmpty()) {
            return;
        }
        Comparator<ObjectNode> order = ResourceOrdering.comparator(USER, sort.get());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(order.compare(actual.get(i), expected.get(i))).as("%s sorted by %s at %d", text, sort.get(), i)
                    .isZero();
        }
    }

    private static List<String> ids(List<ObjectNode> resources) {
        return resources.stream().map(r -> r.path("id").asText()).toList();
    }

    /** The SCIM resource of a person; unique fields get the index, as TrackTik keeps them unique. */
    private static ObjectNode resource(Person p, int index) {
        ObjectNode u = ScimJson.object();
        ArrayNode schemas = u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", p.userName() + "#" + index);
        if (p.externalId() != null) {
            u.put("externalId", p.externalId());
        }
        if (p.title() != null) {
            u.put("title", p.title());
        }
        u.put("active", p.active());
        if (p.given() != null || p.family() != null) {
            ObjectNode name = u.putObject("name");
            if (p.given() != null) {
                name.put("givenName", p.given());
            }
            if (p.family() != null) {
                name.put("familyName", p.family());
            }
        }
        if (p.nick() != null) {
            u.put("nickName", p.nick());
        }
        if (!p.emailHandles().isEmpty()) {
            ArrayNode emails = u.putArray("emails");
            for (int i = 0; i < p.emailHandles().size(); i++) {
                String type = p.emailHandles().get(i);
                emails.addObject().put("type", type).put("value", (i == 0 ? "Mail" : "mail") + index + "-" + i + "@Example.com");
            }
        }
        if (p.department() != null || p.hasEmployeeNumber()) {
            schemas.add(ENTERPRISE);
            ObjectNode enterprise = u.putObject(ENTERPRISE);
            if (p.department() != null) {
                enterprise.put("department", p.department());
            }
            if (p.hasEmployeeNumber()) {
                enterprise.put("employeeNumber", "E" + (index % 2 == 0 ? "x" : "X") + index);
            }
        }
        return u;
    }

    /** The values of one directory as stored, and filters and sorts built from them. */
    private static final class Values {

        private static final List<String> STRING_PATHS = List.of("userName", "externalId", "title", "nickName",
                "name.givenName", "name.familyName", "emails.value", "emails[type eq \"work\"].value",
                ENTERPRISE + ":employeeNumber", ENTERPRISE + ":department", "id");
        private static final List<String> OPERATORS = List.of("eq", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
        private static final List<String> SORTS = List.of("userName", "title", "externalId", "name.familyName",
                "meta.created", ENTERPRISE + ":employeeNumber", "active", "", "");

        private final List<ObjectNode> all;
        /** Literals drawn so far in this try, and the first one's case variant: which variant comes next ({@link #literal}). */
        private int literalsDrawn;
        private int firstVariant;

        Values(List<ObjectNode> all) {
            this.all = all;
        }

        static Optional<SortSpec> sort(Probe probe) {
            String by = SORTS.get(probe.sortBy() % SORTS.size());
            return by.isEmpty() ? Optional.empty() : Optional.of(new SortSpec(Filters.parseAttributePath(by),
                    probe.descending() ? SortOrder.DESCENDING : SortOrder.ASCENDING));
        }

        String filter(Probe p) {
            String a = atom(p.atom1());
            String b = atom(p.atom2());
            return switch (p.shape()) {
                case 0, 1 -> a;
                case 2 -> a + " and " + b;
                case 3 -> "(" + a + " or " + b + ")";
                case 4 -> "not (" + a + ")";
                case 5 -> "not (" + a + " or " + b + ") and " + atom(p.atom1() / 7 + p.atom2());
                default -> "(" + a + ") and not (" + b + ")";
            };
        }

        private String atom(int seed) {
            int kind = seed % 10;
            int rest = seed / 10;
            if (kind == 0) {
                return "active eq " + (rest % 2 == 0);
            }
            if (kind == 1) {
                return STRING_PATHS.get(rest % STRING_PATHS.size()) + " pr";
            }
            if (kind == 2) {
                String attribute = rest % 2 == 0 ? "meta.created" : "meta.lastModified";
                String op = List.of("gt", "ge", "lt", "le", "eq", "ne").get(rest / 2 % 6);
                return attribute + " " + op + " " + quote(someValue(attribute, rest / 12).orElse("2020-01-01T00:00:00Z"));
            }
            if (kind == 3) {
                String attribute = STRING_PATHS.get(rest % STRING_PATHS.size());
                return attribute + " " + (rest / 11 % 2 == 0 ? "eq" : "ne") + " null";
            }
            String attribute = STRING_PATHS.get(rest % STRING_PATHS.size());
            String op = OPERATORS.get(rest / 11 % OPERATORS.size());
            String literal = literal(attribute, rest / 110);
            return attribute + " " + op + " " + quote(literal);
        }

        /**
         * A value of the directory, a case variant or a piece of it, or a word from the pool. The variants
         * take turns from a random start, so every run asks for each of them: drawn independently, a
         * PostgreSQL run (few tries, a few dozen literals) missed the coverage below for one variant in
         * a few percent of runs, and failed a build on chance alone.
         */
        private String literal(String attribute, int seed) {
            Optional<String> value = someValue(attribute, seed / 8);
            if (literalsDrawn == 0) {
                firstVariant = seed % 8;   // the random start; after it the variants follow in turn
            }
            int variant = (firstVariant + literalsDrawn++) % 8;
            if (value.isEmpty() || variant == 7) {
                return WORDS.get(seed % WORDS.size());
            }
            String v = value.get();
            Statistics.label("literal").collect(List.of("as stored", "upper", "lower", "swapped", "prefix", "suffix",
                    "as stored", "pool").get(variant));
            return switch (variant) {
                case 1 -> v.toUpperCase(Locale.ROOT);
                case 2 -> v.toLowerCase(Locale.ROOT);
                case 3 -> swapCase(v);
                case 4 -> v.substring(0, v.length() / 2);
                case 5 -> v.substring(v.length() / 2);
                default -> v;
            };
        }

        private Optional<String> someValue(String attribute, int seed) {
            List<String> found = new ArrayList<>();
            String plain = attribute.replace("[type eq \"work\"]", "");
            for (ObjectNode u : all) {
                collect(u, plain, found);
            }
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(Math.floorMod(seed, found.size())));
        }

        private static void collect(ObjectNode u, String path, List<String> out) {
            JsonNode node;
            if (path.startsWith(ENTERPRISE + ":")) {
                node = u.path(ENTERPRISE).path(path.substring(ENTERPRISE.length() + 1));
            } else if (path.contains(".")) {
                String[] parts = path.split("\\.");
                JsonNode parent = u.path(parts[0]);
                if (parent.isArray()) {
                    parent.forEach(e -> {
                        if (e.path(parts[1]).isTextual()) {
                            out.add(e.path(parts[1]).asText());
                        }
                    });
                    return;
                }
                node = parent.path(parts[1]);
            } else {
                node = u.path(path);
            }
            if (node.isTextual()) {
                out.add(node.asText());
            }
        }

        static String swapCase(String v) {
            StringBuilder out = new StringBuilder();
            v.codePoints().forEach(c -> out.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
                    : Character.toUpperCase(c)));
            return out.toString();
        }

        static String quote(String v) {
            return ScimJson.nodes().textNode(v).toString();
        }
    }
    /** The values of one directory of Groups, and filters and sorts built from them. */
    private static final class GroupValues {

        private static final List<String> OPERATORS = List.of("eq", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");
        private static final List<String> SORTS = List.of("displayName", "meta.created", "", "");

        private final List<String> names = new ArrayList<>();
        private final List<String> groupIds = new ArrayList<>();
        private final List<String> userIds;

        GroupValues(List<ObjectNode> all, List<String> userIds) {
            all.forEach(g -> {
                names.add(g.path("displayName").asText());
                groupIds.add(g.path("id").asText());
            });
            this.userIds = userIds;
        }

        static Optional<SortSpec> sort(Probe probe) {
            String by = SORTS.get(probe.sortBy() % SORTS.size());
            return by.isEmpty() ? Optional.empty() : Optional.of(new SortSpec(Filters.parseAttributePath(by),
                    probe.descending() ? SortOrder.DESCENDING : SortOrder.ASCENDING));
        }

        String filter(Probe p) {
            String a = atom(p.atom1());
            String b = atom(p.atom2());
            return switch (p.shape()) {
                case 0, 1 -> a;
                case 2 -> a + " and " + b;
                case 3 -> "(" + a + " or " + b + ")";
                case 4 -> "not (" + a + ")";
                case 5 -> "not (" + a + " or " + b + ") and " + atom(p.atom1() / 7 + p.atom2());
                default -> "(" + a + ") and not (" + b + ")";
            };
        }

        private String atom(int seed) {
            int kind = seed % 8;
            int rest = seed / 8;
            return switch (kind) {
                case 0 -> List.of("displayName pr", "members pr", "members.value pr", "displayName eq null",
                        "members eq null").get(rest % 5);
                case 1 -> "members[value eq " + Values.quote(member(rest)) + "]";
                case 2 -> "members.value " + (rest % 2 == 0 ? "eq " : "ne ") + Values.quote(member(rest / 2));
                case 3 -> "id eq " + Values.quote(groupIds.get(Math.floorMod(rest, groupIds.size())));
                default -> "displayName " + OPERATORS.get(rest % OPERATORS.size()) + " " + Values.quote(literal(rest / 10));
            };
        }

        /** A member id, now and then one that is nobody's. */
        private String member(int seed) {
            return userIds.isEmpty() || seed % 7 == 6 ? "nobody" : userIds.get(Math.floorMod(seed, userIds.size()));
        }

        /** A stored name, a case variant or a piece of it, or a word from the pool. */
        private String literal(int seed) {
            String v = names.get(Math.floorMod(seed / 8, names.size()));
            return switch (seed % 8) {
                case 1 -> v.toUpperCase(Locale.ROOT);
                case 2 -> v.toLowerCase(Locale.ROOT);
                case 3 -> Values.swapCase(v);
                case 4 -> v.substring(0, v.length() / 2);
                case 5 -> v.substring(v.length() / 2);
                case 6 -> WORDS.get(seed % WORDS.size());
                default -> v;
            };
        }
    }
}
