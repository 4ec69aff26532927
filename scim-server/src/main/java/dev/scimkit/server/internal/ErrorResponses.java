package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.core.schema.SchemaUrns;
import dev.scimkit.server.ScimResponse;

/**
 * Renders RFC 7644 §3.12 error bodies: {@code schemas}, {@code status} (a string, as the RFC's
 * examples show), {@code scimType} when there is one, and {@code detail}.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static ObjectNode body(int status, ScimErrorType scimType, String detail) {
        ObjectNode out = ScimJson.object();
        out.putArray("schemas").add(SchemaUrns.ERROR);
        out.put("status", Integer.toString(status));
        if (scimType != null) {
            out.put("scimType", scimType.wireName());
        }
        out.put("detail", detail);
        return out;
    }

    public static ObjectNode body(ScimException e) {
        return body(e.status(), e.scimType().orElse(null), e.detail());
    }

    public static ScimResponse of(ScimException e) {
        return ScimResponse.json(e.status(), body(e));
    }

    public static ScimResponse of(int status, String detail) {
        return ScimResponse.json(status, body(status, null, detail));
    }
}
