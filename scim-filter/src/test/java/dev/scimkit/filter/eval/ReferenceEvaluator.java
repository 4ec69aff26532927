package dev.scimkit.filter.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evaluator as it was before filters were compiled: a direct walk of the AST that resolves every
 * path, collects every value into lists and folds both sides of every case-insensitive comparison with
 * {@code toLowerCase}. Slow and obviously faithful to the documented semantics, it is the oracle the
 * compiled evaluator is checked against.
 *
 * <p>It resolves paths and picks values out of resources on its own ({@link RefPath}), by walking the
 * schema's attribute lists and the JSON members, instead of {@link ResolvedPath} and the schema's name
 * tables that the compiled evaluator uses: an oracle that shared them could not notice a bug in them.
 * Shared with production are only the validation of the filter (which errors a bad filter raises:
 * {@link FilterValidator}, whose errors the property compares rather than derives) and the rule of
 * what counts as present ({@link ValueMatcher#isPresent}), which is not path resolution.
 */
final class ReferenceEvaluator {

    private final ResourceTypeDefinition type;

    ReferenceEvaluator(ResourceTypeDefinition type) {
        this.type = type;
    }

    boolean matches(Filter filter, JsonNode resource) {
        FilterValidator.check(filter, PathScope.of(type));
        return eval(filter, resource, path -> RefPath.resolve(type, path));
    }

    /** Where a path is resolved: the resource's top level, or inside one value of a complex attribute. */
    private interface Scope {
        Optional<RefPath> resolve(AttributePath path);
    }

    private boolean eval(Filter filter, JsonNode context, Scope scope) {
        if (filter instanceof Filter.Comparison c) {
            return compare(c, context, scope);
        }
        if (filter instanceof Filter.Present p) {
            Optional<RefPath> path = scope.resolve(p.path());
            return path.isPresent() && path.get().select(context).stream().anyMatch(ValueMatcher::isPresent);
        }
        if (filter instanceof Filter.And and) {
            return eval(and.left(), context, scope) && eval(and.right(), context, scope);
        }
        if (filter instanceof Filter.Or or) {
            return eval(or.left(), context, scope) || eval(or.right(), context, scope);
        }
        if (filter instanceof Filter.Not not) {
            return !eval(not.inner(), context, scope);
        }
        Filter.ValuePath vp = (Filter.ValuePath) filter;
        Optional<RefPath> path = scope.resolve(vp.path());
        if (path.isEmpty()) {
            return false;
        }
        AttributeDefinition parent = path.get().leaf();
        Scope inner = p -> RefPath.within(parent, p);
        for (JsonNode element : path.get().select(context)) {
            if (element.isObject() && eval(vp.filter(), element, inner)) {
                return true;
            }
        }
        return false;
    }

    private boolean compare(Filter.Comparison c, JsonNode context, Scope scope) {
        Optional<RefPath> path = scope.resolve(c.path());
        AttributeDefinition leaf = null;
        List<JsonNode> values = List.of();
        if (path.isPresent()) {
            leaf = path.get().leaf();
            values = path.get().select(context);
            if (leaf.isComplex()) {
                Optional<AttributeDefinition> valueSub = RefPath.named(leaf.subAttributes(), "value");
                List<JsonNode> subValues = new ArrayList<>();
                if (valueSub.isPresent()) {
                    for (JsonNode element : values) {
                        RefPath.flattenInto(RefPath.member(element, valueSub.get().name()), subValues);
                    }
                }
                leaf = valueSub.orElse(null);
                values = subValues;
            }
        }
        CompareOperator op = c.operator();
        boolean negate = op == CompareOperator.NE;
        boolean result;
        if (c.value() instanceof Literal.NullLiteral) {
            result = values.stream().noneMatch(ValueMatcher::isPresent);
        } else if (leaf == null) {
            result = false;
        } else {
            CompareOperator positive = negate ? CompareOperator.EQ : op;
            AttributeDefinition def = leaf;
            result = values.stream().anyMatch(v -> test(def, v, positive, c.value()));
        }
        return negate != result;
    }

    private static boolean test(AttributeDefinition leaf, JsonNode node, CompareOperator op, Literal value) {
        return switch (leaf.type()) {
            case STRING, REFERENCE, BINARY -> node.isTextual() && value instanceof Literal.StringLiteral s
                    && compareText(node.textValue(), s.value(), leaf.caseExact(), op);
            case BOOLEAN -> node.isBoolean() && value instanceof Literal.BooleanLiteral b
                    && op == CompareOperator.EQ && node.booleanValue() == b.value();
            case INTEGER, DECIMAL -> node.isNumber() && value instanceof Literal.NumberLiteral n
                    && ordered(node.decimalValue().compareTo(n.value()), op);
            case DATE_TIME -> node.isTextual() && value instanceof Literal.StringLiteral s
                    && compareDateTime(node.textValue(), s.value(), leaf.caseExact(), op);
            case COMPLEX -> false;
        };
    }

    private static boolean compareText(String actual, String expected, boolean caseExact, CompareOperator op) {
        String a = caseExact ? actual : actual.toLowerCase(Locale.ROOT);
        String e = caseExact ? expected : expected.toLowerCase(Locale.ROOT);
        return switch (op) {
            case CO -> a.contains(e);
            case SW -> a.startsWith(e);
            case EW -> a.endsWith(e);
            default -> ordered(a.compareTo(e), op);
        };
    }

    private static boolean compareDateTime(String actual, String expected, boolean caseExact, CompareOperator op) {
        if (op.isSubstring()) {
            return compareText(actual, expected, caseExact, op);
        }
        Optional<Instant> a = DateTimes.parse(actual);
        Optional<Instant> e = DateTimes.parse(expected);
        return a.isPresent() && e.isPresent() && ordered(a.get().compareTo(e.get()), op);
    }

    private static boolean ordered(int cmp, CompareOperator op) {
        return switch (op) {
            case EQ -> cmp == 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            default -> false;
        };
    }

    /**
     * A path resolved by walking the schema's lists (RFC 7643 §2.1: names compare without regard to
     * case): no URN or the core schema's URN → the common attributes, then the core schema's; an
     * extension's URN → that extension's attributes, whose values live in the extension's object;
     * {@code schemas} (no URN, no sub-attribute) → the multi-valued, case-insensitive list of schema URIs.
     */
    private record RefPath(String extensionUrn, AttributeDefinition attribute, AttributeDefinition sub) {

        private static final AttributeDefinition SCHEMAS = AttributeDefinition.builder("schemas", AttributeType.REFERENCE)
                .multiValued(true)
                .caseExact(false)
                .build();

        static Optional<RefPath> resolve(ResourceTypeDefinition type, AttributePath path) {
            String urn = path.schemaUrn().orElse("");
            if (urn.isEmpty() && path.subAttribute().isEmpty() && same(path.attribute(), "schemas")) {
                return Optional.of(new RefPath(null, SCHEMAS, null));
            }
            String extensionUrn = null;
            List<AttributeDefinition> candidates = new ArrayList<>();
            if (urn.isEmpty() || same(urn, type.schema().id())) {
                candidates.addAll(CommonAttributes.ALL);
                candidates.addAll(type.schema().attributes());
            } else {
                for (SchemaExtension extension : type.extensions()) {
                    if (same(urn, extension.schema().id())) {
                        extensionUrn = extension.schema().id();
                        candidates.addAll(extension.schema().attributes());
                    }
                }
            }
            Optional<AttributeDefinition> attribute = named(candidates, path.attribute());
            if (attribute.isEmpty()) {
                return Optional.empty();
            }
            if (path.subAttribute().isEmpty()) {
                return Optional.of(new RefPath(extensionUrn, attribute.get(), null));
            }
            String owner = extensionUrn;
            return named(attribute.get().subAttributes(), path.subAttribute().get())
                    .map(sub -> new RefPath(owner, attribute.get(), sub));
        }

        /** Inside a value filter: a bare name of one of {@code parent}'s sub-attributes, nothing else. */
        static Optional<RefPath> within(AttributeDefinition parent, AttributePath path) {
            if (path.schemaUrn().isPresent() || path.subAttribute().isPresent()) {
                return Optional.empty();
            }
            return named(parent.subAttributes(), path.attribute()).map(sub -> new RefPath(null, sub, null));
        }

        AttributeDefinition leaf() {
            return sub != null ? sub : attribute;
        }

        /** The non-null values of the path in {@code container}, arrays flattened one level. */
        List<JsonNode> select(JsonNode container) {
            JsonNode holder = extensionUrn == null ? container : member(container, extensionUrn);
            List<JsonNode> tops = new ArrayList<>();
            flattenInto(member(holder, attribute.name()), tops);
            if (sub == null) {
                return tops;
            }
            List<JsonNode> values = new ArrayList<>();
            for (JsonNode top : tops) {
                flattenInto(member(top, sub.name()), values);
            }
            return values;
        }

        static Optional<AttributeDefinition> named(List<AttributeDefinition> attributes, String name) {
            for (AttributeDefinition a : attributes) {
                if (same(a.name(), name)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }

        /** A member of a JSON object by name: the exact spelling, else the first spelled in another case. */
        static JsonNode member(JsonNode object, String name) {
            if (object == null || !object.isObject()) {
                return null;
            }
            if (object.has(name)) {
                return object.get(name);
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String candidate = names.next();
                if (candidate.equalsIgnoreCase(name)) {
                    return object.get(candidate);
                }
            }
            return null;
        }

        static void flattenInto(JsonNode node, List<JsonNode> out) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return;
            }
            if (!node.isArray()) {
                out.add(node);
                return;
            }
            for (JsonNode element : node) {
                if (!element.isNull()) {
                    out.add(element);
                }
            }
        }

        private static boolean same(String a, String b) {
            return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
        }
    }
}
