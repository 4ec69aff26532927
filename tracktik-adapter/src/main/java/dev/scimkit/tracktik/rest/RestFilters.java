package dev.scimkit.tracktik.rest;

import dev.scimkit.core.schema.ResourceTypeDefinition;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.CompareOperator;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.Literal;
import dev.scimkit.tracktik.port.EmployeeColumn;
import dev.scimkit.tracktik.port.FilterColumns;
import dev.scimkit.tracktik.port.FilterSplit;
import dev.scimkit.tracktik.port.RoleColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Splits SCIM filters for the portal: the {@code eq} comparisons among the top-level {@code and}
 * terms whose attribute lives in a field the API filters on go to the portal as {@code field=value};
 * the whole filter stays the residual, because the API compares without regard to case (a superset
 * for case-exact attributes such as {@code externalId}), so the in-memory evaluation stays exact.
 * {@code or}, {@code not}, substring and ordering operators are not pushed.
 */
final class RestFilters {

    /** The portal's list filter for each employee field it can filter on. */
    static Optional<String> parameter(EmployeeColumn c) {
        return Optional.ofNullable(switch (c) {
            case SCIM_ID -> EmployeeJson.CF + "." + EmployeeJson.SCIM_ID;
            case EXTERNAL_ID -> EmployeeJson.CF + "." + EmployeeJson.EXTERNAL_ID;
            case USER_NAME -> "username";
            case CUSTOM_ID -> "customId";
            case FIRST_NAME -> "firstName";
            case LAST_NAME -> "lastName";
            case EMAIL -> "email";
            case ACTIVE -> "status";
            default -> null;
        });
    }

    static Optional<String> parameter(RoleColumn c) {
        return Optional.ofNullable(switch (c) {
            case SCIM_ID -> EmployeeJson.CF + "." + EmployeeJson.SCIM_ID;
            case EXTERNAL_ID -> EmployeeJson.CF + "." + EmployeeJson.EXTERNAL_ID;
            case NAME -> "name";
            default -> null;
        });
    }

    FilterSplit splitEmployees(FilterColumns<EmployeeColumn> columns, Filter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Filter term : conjuncts(filter)) {
            if (term instanceof Filter.Comparison c && c.operator() == CompareOperator.EQ) {
                column(columns.type(), columns.columns(), c.path()).ifPresent(col -> {
                    Optional<String> p = parameter(col);
                    if (p.isEmpty() || params.containsKey(p.get())) {
                        return;
                    }
                    if (col == EmployeeColumn.ACTIVE) {
                        if (c.value() instanceof Literal.BooleanLiteral b) {
                            params.put(p.get(), b.value() ? "ACTIVE" : "INACTIVE");
                        }
                    } else if (c.value() instanceof Literal.StringLiteral s) {
                        params.put(p.get(), s.value());
                    }
                });
            }
        }
        return split(params, filter);
    }

    FilterSplit splitRoles(FilterColumns<RoleColumn> columns, Filter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Filter term : conjuncts(filter)) {
            if (term instanceof Filter.Comparison c && c.operator() == CompareOperator.EQ
                    && c.value() instanceof Literal.StringLiteral s) {
                column(columns.type(), columns.columns(), c.path()).flatMap(RestFilters::parameter)
                        .ifPresent(p -> params.putIfAbsent(p, s.value()));
            }
        }
        return split(params, filter);
    }

    private static FilterSplit split(Map<String, String> params, Filter filter) {
        return new FilterSplit(params.isEmpty() ? Optional.empty() : Optional.of(new RestQuery(params)), Optional.of(filter));
    }

    private static List<Filter> conjuncts(Filter f) {
        List<Filter> out = new ArrayList<>();
        if (f instanceof Filter.And a) {
            out.addAll(conjuncts(a.left()));
            out.addAll(conjuncts(a.right()));
        } else {
            out.add(f);
        }
        return out;
    }

    /** The store field of a filter path, matching the mapping's keys without regard to case. */
    private static <C> Optional<C> column(ResourceTypeDefinition type, Map<String, C> columns, AttributePath path) {
        String urn = path.schemaUrn().orElse(null);
        if (urn != null && type.extension(urn).isEmpty()) {
            urn = null; // the core schema's URN spelled out: the same attribute as without it
        }
        String key = (urn == null ? "" : urn + ":") + path.attribute()
                + path.subAttribute().map(s -> "." + s).orElse("");
        String wanted = key.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, C> e : columns.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    static Optional<RestQuery> query(Optional<? extends dev.scimkit.tracktik.port.PushedFilter> pushed) {
        if (pushed.isEmpty()) {
            return Optional.empty();
        }
        if (pushed.get() instanceof RestQuery q) {
            return Optional.of(q);
        }
        throw new IllegalArgumentException("A filter pushed by another store: " + pushed.get().getClass().getName());
    }
}
