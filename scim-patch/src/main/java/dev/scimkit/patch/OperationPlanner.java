package dev.scimkit.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.message.PatchOperation;
import dev.scimkit.core.message.PatchOperationType;
import dev.scimkit.core.message.PatchRequest;
import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.core.schema.Mutability;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaExtension;
import dev.scimkit.filter.Filters;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.filter.ast.PatchPath;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a {@link PatchRequest} into {@link PlannedOperation}s: parses paths, expands path-less and
 * extension-URN operations into one operation per attribute, resolves every path against the schema,
 * applies the {@link ClientDialect}'s rewrites and checks values and mutability that do not depend on
 * the current resource. Every error names the failing operation's index.
 */
final class OperationPlanner {

    private static final int MAX_TYPES = 64;

    private final PatchLimits limits;
    private final ClientDialect dialect;
    private final ValueConformer conformer;
    /** Per resource type, by identity (types are few and long-lived); bounded like the paths within. */
    private final ConcurrentHashMap<ResourceTypeDefinition, TypePlanning> types = new ConcurrentHashMap<>();

    OperationPlanner(PatchMode mode, PatchLimits limits) {
        this.limits = limits;
        this.dialect = ClientDialect.forMode(mode);
        this.conformer = new ValueConformer(limits.maxValuesPerOperation());
    }

    PatchPlan plan(ResourceTypeDefinition type, PatchRequest request) {
        TypePlanning tp = planning(type);
        if (request.operations().size() > limits.maxOperations()) {
            throw ScimException.tooMany("A PATCH request may carry at most " + limits.maxOperations()
                    + " operations; this one has " + request.operations().size());
        }
        List<PlannedOperation> planned = new ArrayList<>();
        List<Integer> changingNothing = new ArrayList<>();
        for (int i = 0; i < request.operations().size(); i++) {
            PatchOperation op = request.operations().get(i);
            int before = planned.size();
            try {
                planOne(tp, i, op, planned);
            } catch (ScimException e) {
                throw OperationErrors.at(i, op.op().wireName() + op.path().map(p -> " " + p).orElse(""), e);
            }
            if (changesNothing(planned.subList(before, planned.size()))) {
                changingNothing.add(i);
            }
            if (planned.size() > limits.maxOperations()) {
                throw ScimException.tooMany("Operation " + i + " expands the request beyond "
                        + limits.maxOperations() + " operations");
            }
        }
        return new PatchPlan(tp, planned, MembershipPlanner.delta(planned), changingNothing);
    }

    private TypePlanning planning(ResourceTypeDefinition type) {
        TypePlanning tp = types.get(type);
        if (tp == null) {
            if (types.size() >= MAX_TYPES) {
                types.clear();   // only an embedder building types on the fly gets here
            }
            tp = types.computeIfAbsent(type, TypePlanning::new);
        }
        return tp;
    }

    /**
     * Whether what one request operation became changes nothing whatever the resource: nothing at all
     * (a remove of an empty list, a path-less add or replace of {@code {}}), or adds of empty lists.
     */
    private static boolean changesNothing(List<PlannedOperation> fromOneOperation) {
        for (PlannedOperation p : fromOneOperation) {
            boolean addsNothing = p.op() == PatchOperationType.ADD
                    && p.value().map(v -> v.isArray() && v.isEmpty()).orElse(false);
            if (!addsNothing) {
                return false;
            }
        }
        return true;
    }

    private void planOne(TypePlanning tp, int index, PatchOperation op, List<PlannedOperation> out) {
        PatchOperationType kind = op.op();
        Optional<JsonNode> value = op.value();
        if (op.path().isEmpty()) {
            if (kind == PatchOperationType.REMOVE) {
                throw ScimException.noTarget("remove needs a path (RFC 7644 §3.5.2.2)");
            }
            JsonNode v = value.orElseThrow(() -> ScimException.invalidValue(kind.wireName() + " needs a value"));
            if (!v.isObject()) {
                throw ScimException.invalidValue("Without a path, the value must be an object of attributes, not "
                        + ScimJson.describe(v));
            }
            expandAttributes(tp, index, kind, (ObjectNode) v, null, out);
            return;
        }
        String path = op.path().get().trim();
        Optional<SchemaExtension> extension = tp.type().extension(path);
        if (extension.isPresent()) {
            planExtensionObject(tp, index, kind, extension.get(), value, out);
            return;
        }
        planPath(tp, index, kind, path, value, false, out);
    }

    /** {@code path: "urn:…:enterprise:2.0:User"}: the whole extension object. */
    private void planExtensionObject(TypePlanning tp, int index, PatchOperationType kind,
                                     SchemaExtension extension, Optional<JsonNode> value,
                                     List<PlannedOperation> out) {
        String urn = extension.schema().id();
        if (kind == PatchOperationType.REMOVE) {
            rejectRemoveValue(value);
            for (AttributeDefinition a : extension.schema().attributes()) {
                if (a.mutability() != Mutability.READ_ONLY) {
                    planPath(tp, index, kind, urn + ":" + a.name(), Optional.empty(), false, out);
                }
            }
            return;
        }
        JsonNode v = value.orElseThrow(() -> ScimException.invalidValue(kind.wireName() + " needs a value"));
        if (!v.isObject()) {
            throw ScimException.invalidValue("The value for " + urn + " must be an object of its attributes");
        }
        expandAttributes(tp, index, kind, (ObjectNode) v, urn, out);
    }

    /**
     * A path-less add/replace (RFC 7644 §3.5.2.1, §3.5.2.3): one operation per attribute of the value.
     * Keys are attribute names, or extension URNs whose value is an object of that extension's
     * attributes; the dialect may also allow dotted or URN-qualified paths as keys.
     */
    private void expandAttributes(TypePlanning tp, int index, PatchOperationType kind, ObjectNode value,
                                  String extensionUrn, List<PlannedOperation> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (extensionUrn == null && key.equalsIgnoreCase("schemas")) {
                continue; // the resource's schemas follow its attributes; clients may echo them
            }
            Optional<SchemaExtension> extension = extensionUrn == null ? tp.type().extension(key) : Optional.empty();
            if (extension.isPresent()) {
                if (!e.getValue().isObject()) {
                    throw ScimException.invalidValue("The value of " + key + " must be an object of its attributes");
                }
                expandAttributes(tp, index, kind, (ObjectNode) e.getValue(), extension.get().schema().id(), out);
                continue;
            }
            boolean plainName = key.indexOf('.') < 0 && key.indexOf(':') < 0 && key.indexOf('[') < 0;
            if (!plainName && !dialect.pathLessKeysArePaths()) {
                throw ScimException.invalidPath("Without a path, value keys must be attribute names or schema URNs; '"
                        + key + "' is neither");
            }
            String path = extensionUrn == null ? key : extensionUrn + ":" + key;
            planPath(tp, index, kind, path, Optional.of(e.getValue()), true, out);
        }
    }

    private void planPath(TypePlanning tp, int index, PatchOperationType kind, String path,
                          Optional<JsonNode> value, boolean fromPathLess, List<PlannedOperation> out) {
        Target target = tp.target(path);
        PatchOperationType effective = kind;
        Optional<JsonNode> v = value;
        if (kind != PatchOperationType.REMOVE) {
            JsonNode given = v.orElseThrow(() -> ScimException.invalidValue(kind.wireName() + " " + path + " needs a value"));
            if (given.isNull()) {
                if (kind == PatchOperationType.REPLACE && dialect.nullReplaceRemoves()) {
                    effective = PatchOperationType.REMOVE;
                    v = Optional.empty();
                } else {
                    throw ScimException.invalidValue(kind.wireName() + " " + path + " needs a value, not null");
                }
            }
        }
        if (effective == PatchOperationType.REMOVE && v.isPresent() && !isNoValue(v.get())) {
            planRemoveByValue(index, target, v.get(), out);
            return;
        }
        checkNotReadOnly(target, effective, fromPathLess);
        boolean echo = target.def().mutability() == Mutability.READ_ONLY;
        Optional<JsonNode> conformed = effective == PatchOperationType.REMOVE
                ? Optional.empty()
                : Optional.of(conformValue(target, effective, v.get()));
        Optional<ObjectNode> seed = effective != PatchOperationType.REMOVE && target.filter().isPresent()
                ? dialect.seedFor(target.filter().get())
                : Optional.empty();
        out.add(new PlannedOperation(index, effective, target, conformed, echo, seed));
    }

    private JsonNode conformValue(Target target, PatchOperationType kind, JsonNode value) {
        String where = target.text();
        if (target.sub().isPresent()) {
            AttributeDefinition sub = target.sub().get();
            return sub.multiValued()
                    ? conformer.attributeValue(sub, dialect.wholeValue(sub, value), where)
                    : conformer.attributeValue(sub, dialect.element(sub, value), where);
        }
        if (target.filter().isPresent()) {
            // attr[filter]: the value is one element of the multi-valued attribute
            JsonNode v = value.isArray() && value.size() == 1 && dialect.oneElementArrayForSingleValued()
                    ? value.get(0) : value;
            JsonNode element = conformer.singleValue(target.def(), dialect.element(target.def(), v), where);
            if (element == null) {
                throw ScimException.invalidValue(where + " needs a value");
            }
            return element;
        }
        return conformer.attributeValue(target.def(), dialect.wholeValue(target.def(), value), where);
    }

    /** RFC 7644 §3.5.2: readOnly attributes cannot be changed; the dialect may accept an unchanged echo. */
    private void checkNotReadOnly(Target target, PatchOperationType kind, boolean fromPathLess) {
        if (target.def().mutability() == Mutability.READ_ONLY) {
            boolean echo = fromPathLess && kind != PatchOperationType.REMOVE && target.whole()
                    && dialect.readOnlyEchoAccepted();
            if (!echo) {
                throw ScimException.mutability(target.def().name() + " is readOnly and cannot be modified");
            }
        }
        if (target.sub().isPresent() && target.sub().get().mutability() == Mutability.READ_ONLY) {
            throw ScimException.mutability(target.def().name() + "." + target.sub().get().name()
                    + " is readOnly and cannot be modified");
        }
    }

    /** Entra's {@code Remove members value:[{value:id}]}: one filtered remove per value. */
    private void planRemoveByValue(int index, Target target, JsonNode value, List<PlannedOperation> out) {
        if (!dialect.removeByValue()) {
            throw ScimException.invalidValue("remove takes no value in RFC 7644 §3.5.2.2; select what to remove"
                    + " with the path, e.g. members[value eq \"id\"]");
        }
        if (!target.whole() || !target.def().multiValued()) {
            // a single-valued attribute (Entra's manager) is removed whatever value is named
            checkNotReadOnly(target, PatchOperationType.REMOVE, false);
            out.add(new PlannedOperation(index, PatchOperationType.REMOVE, target, Optional.empty(), false,
                    Optional.empty()));
            return;
        }
        checkNotReadOnly(target, PatchOperationType.REMOVE, false);
        JsonNode values = dialect.wholeValue(target.def(), value);
        if (!values.isArray()) {
            throw ScimException.invalidValue("The value of a remove on " + target.text() + " must list the values to remove");
        }
        if (values.size() > limits.maxValuesPerOperation()) {
            throw ScimException.tooMany(target.text() + ": at most " + limits.maxValuesPerOperation()
                    + " values per operation; got " + values.size());
        }
        if (!target.def().isComplex()) {
            // value filters select elements of complex attributes only (RFC 7644 §3.5.2), so the values
            // of a simple multi-valued attribute (a list of strings or integers) travel with the remove
            JsonNode toRemove = conformer.attributeValue(target.def(), values, target.text());
            out.add(new PlannedOperation(index, PatchOperationType.REMOVE, target, Optional.of(toRemove), false,
                    Optional.empty()));
            return;
        }
        for (JsonNode element : values) {
            Filter filter = equalityFilter(target, element);
            Target filtered = new Target(target.attribute(), Optional.of(filter), Optional.empty(),
                    target.text() + "[" + Filters.print(filter) + "]");
            out.add(new PlannedOperation(index, PatchOperationType.REMOVE, filtered, Optional.empty(), false,
                    Optional.empty()));
        }
    }

    /** The filter that selects elements equal to {@code element} in every sub-attribute it gives. */
    private static Filter equalityFilter(Target target, JsonNode element) {
        if (!element.isObject()) {
            throw ScimException.invalidValue("Each value to remove from " + target.text() + " must be an object");
        }
        Filter filter = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            AttributeDefinition sub = DefaultSubAttributes.find(target.def(), e.getKey()).orElseThrow(() ->
                    ScimException.invalidValue(target.def().name() + " has no sub-attribute '" + e.getKey() + "'"));
            Filter c = new Filter.Comparison(AttributePath.of(sub.name()), CompareOperator.EQ, literal(target, e.getValue()));
            filter = filter == null ? c : new Filter.And(filter, c);
        }
        if (filter == null) {
            throw ScimException.invalidValue("A value to remove from " + target.text() + " names no sub-attribute");
        }
        return filter;
    }

    private static Literal literal(Target target, JsonNode v) {
        if (v.isTextual()) {
            return new Literal.StringLiteral(v.asText());
        }
        if (v.isBoolean()) {
            return new Literal.BooleanLiteral(v.asBoolean());
        }
        if (v.isNumber()) {
            return new Literal.NumberLiteral(v.decimalValue());
        }
        throw ScimException.invalidValue("Values to remove from " + target.text() + " must be strings, numbers or booleans");
    }

    /**
     * Whether a remove's value names no value at all: {@code null}, or the empty string a published
     * compliance suite sends. Either way the remove is the RFC's remove without a value (RFC 7644
     * §3.5.2.2: all values of the target go), in every mode; read as a value to match, "" would
     * silently remove nothing.
     */
    private static boolean isNoValue(JsonNode value) {
        return value.isNull() || (value.isTextual() && value.textValue().isEmpty());
    }

    private static void rejectRemoveValue(Optional<JsonNode> value) {
        // removing a whole extension object: a value would have no meaning, so it is ignored only when it names none
        if (value.isPresent() && !isNoValue(value.get())) {
            throw ScimException.invalidValue("remove of a schema extension takes no value");
        }
    }

    /** Resolves a path against the resource type; unknown attributes are a 400 invalidPath. */
    static Target resolve(ResourceTypeDefinition type, String text) {
        PatchPath path = PlainPaths.parse(text);
        AttributePath attr = path.attribute();
        ResolvedAttribute resolved = type.resolve(attr.schemaUrn().orElse(null), attr.attribute())
                .orElseThrow(() -> ScimException.invalidPath("No attribute '" + attr.parent() + "' in " + type.name()));
        AttributeDefinition def = resolved.attribute();
        Optional<String> subName = path.valueFilter().isPresent() ? path.valueSubAttribute() : attr.subAttribute();
        if (path.valueFilter().isPresent() && attr.subAttribute().isPresent()) {
            throw ScimException.invalidPath("'" + text + "': a value filter applies to an attribute, not a sub-attribute");
        }
        Optional<AttributeDefinition> sub = Optional.empty();
        if (subName.isPresent()) {
            if (!def.isComplex()) {
                throw ScimException.invalidPath("'" + text + "': " + def.name() + " has no sub-attributes");
            }
            sub = Optional.of(DefaultSubAttributes.find(def, subName.get()).orElseThrow(() ->
                    ScimException.invalidPath("No sub-attribute '" + subName.get() + "' in " + def.name())));
        }
        if (path.valueFilter().isPresent() && !(def.multiValued() && def.isComplex())) {
            throw ScimException.invalidPath("'" + text + "': value filters select values of multi-valued complex"
                    + " attributes; " + def.name() + " is not one");
        }
        if (path.valueFilter().isEmpty() && sub.isPresent() && def.multiValued()) {
            throw ScimException.invalidPath("'" + text + "': select the values of " + def.name()
                    + " with a filter, e.g. " + def.name() + "[type eq \"work\"]." + sub.get().name());
        }
        return new Target(resolved, path.valueFilter(), sub, text);
    }
}
