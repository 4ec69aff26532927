package dev.scimkit.core.resource;

import dev.scimkit.core.schema.AttributeDefinition;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.DefaultSubAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.core.schema.SchemaExtension;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link AttributeLayout}s of one resource type, built once when its {@link ResourceValidator} is:
 * the core (common attributes, then the core schema's), each extension's object, and every complex
 * attribute's values. Immutable after construction, so shared by all validations of the type.
 */
final class ResourceLayouts {

    private final AttributeLayout core;
    private final Map<SchemaExtension, AttributeLayout> extensions = new IdentityHashMap<>();
    private final Map<AttributeDefinition, AttributeLayout> complexValues = new IdentityHashMap<>();

    ResourceLayouts(ResourceTypeDefinition type) {
        List<AttributeDefinition> coreOrder = new ArrayList<>(CommonAttributes.ALL);
        coreOrder.addAll(type.schema().attributes());
        List<String> extensionUrns = type.extensions().stream().map(e -> e.schema().id()).toList();
        core = new AttributeLayout(coreOrder, n -> type.resolve(n).map(ResolvedAttribute::attribute), extensionUrns);
        addComplex(coreOrder);
        for (SchemaExtension extension : type.extensions()) {
            extensions.put(extension, new AttributeLayout(extension.schema().attributes(),
                    n -> extension.schema().attribute(n)));
            addComplex(extension.schema().attributes());
        }
    }

    private void addComplex(List<AttributeDefinition> attributes) {
        for (AttributeDefinition a : attributes) {
            if (a.isComplex() && !complexValues.containsKey(a)) {
                complexValues.put(a, layoutOf(a));
                addComplex(a.subAttributes());
            }
        }
    }

    private static AttributeLayout layoutOf(AttributeDefinition complex) {
        return new AttributeLayout(complex.subAttributes(), n -> DefaultSubAttributes.find(complex, n));
    }

    /** The core object's layout: {@code id}, {@code externalId}, {@code meta}, then the core schema's attributes. */
    AttributeLayout core() {
        return core;
    }

    /** The layout of an extension's object. */
    AttributeLayout extension(SchemaExtension extension) {
        AttributeLayout layout = extensions.get(extension);
        return layout != null ? layout : new AttributeLayout(extension.schema().attributes(),
                n -> extension.schema().attribute(n));
    }

    /** The layout of a complex attribute's values (built on the spot for a definition not of this type). */
    AttributeLayout complexValue(AttributeDefinition complex) {
        AttributeLayout layout = complexValues.get(complex);
        return layout != null ? layout : layoutOf(complex);
    }
}
