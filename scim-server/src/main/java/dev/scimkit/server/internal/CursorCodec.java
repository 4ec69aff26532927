package dev.scimkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scimkit.core.error.ScimErrorType;
import dev.scimkit.core.error.ScimException;
import dev.scimkit.core.json.ScimJson;
import dev.scimkit.server.CursorSettings;
import dev.scimkit.server.spi.PagePosition;
import dev.scimkit.server.spi.TenantId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a keyset position into an RFC 9865 cursor and back. A cursor is
 * {@code base64url(payload) "." base64url(HMAC-SHA256(key, tenant, query fingerprint, payload))}; the
 * payload holds the direction, the expiry and the position, not the tenant or the query, which only the
 * MAC binds. Both parts use only RFC 3986 unreserved characters, as RFC 9865 requires.
 *
 * <p>Every cursor this server did not issue for this tenant and query gets the same 400
 * {@code invalidCursor} answer, so a probe learns nothing about other tenants; an authentic cursor past
 * its lifetime is 400 {@code expiredCursor}.
 */
final class CursorCodec {

    private static final int VERSION = 1;
    /** Room for a long sort value (a cursor holds it); beyond is no cursor of ours, and not worth decoding. */
    private static final int MAX_CURSOR_CHARS = 64 * 1024;
    private static final Pattern UNRESERVED = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String INVALID = "The cursor is not one this server issued for this query; "
            + "repeat the query with an empty cursor to start from the first page";

    private final CursorSettings settings;
    private final SecretKeySpec key;

    CursorCodec(CursorSettings settings) {
        this.settings = settings;
        this.key = new SecretKeySpec(settings.key(), "HmacSHA256");
    }

    /**
     * A decoded cursor: where the page starts and in which direction it runs.
     *
     * @param segment  which of the searched resource types the position is in (0 for one type)
     * @param position the position in that type's keyset order
     * @param backward whether the page ends at the position instead of starting there
     */
    record Decoded(int segment, PagePosition position, boolean backward) {
    }

    String encode(TenantId tenant, String fingerprint, Decoded cursor) {
        PagePosition position = cursor.position();
        ArrayNode payload = ScimJson.mapper().createArrayNode();
        payload.add(VERSION).add(cursor.backward() ? 1 : 0)
                .add(settings.clock().instant().plus(settings.timeout()).getEpochSecond())
                .add(position.id());
        position.sortValue().ifPresentOrElse(payload::add, payload::addNull);
        payload.add(cursor.segment());
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(tenant, fingerprint, bytes));
    }

    /** The cursor's position, after checking it is authentic for this tenant and query and not expired. */
    Decoded decode(TenantId tenant, String fingerprint, String cursor) {
        int dot = cursor.indexOf('.');
        if (cursor.length() > MAX_CURSOR_CHARS || !UNRESERVED.matcher(cursor).matches() || dot < 1
                || dot != cursor.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] payload;
        byte[] sent;
        try {
            payload = DECODER.decode(cursor.substring(0, dot));
            sent = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(sent, mac(tenant, fingerprint, payload))) {
            throw invalid();
        }
        JsonNode fields;
        try {
            fields = ScimJson.mapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw invalid();
        }
        if (fields == null || !fields.isArray() || fields.size() != 6 || fields.get(0).asInt() != VERSION) {
            throw invalid();
        }
        if (settings.clock().instant().getEpochSecond() > fields.get(2).asLong()) {
            throw ScimException.of(ScimErrorType.EXPIRED_CURSOR, "The cursor has expired: cursors are valid for "
                    + settings.timeout().getSeconds() + " seconds (cursorTimeout); repeat the query with an empty cursor");
        }
        JsonNode value = fields.get(4);
        PagePosition position = new PagePosition(value.isNull() ? Optional.empty() : Optional.of(value),
                fields.get(3).asText());
        return new Decoded(fields.get(5).asInt(), position, fields.get(1).asInt() == 1);
    }

    private byte[] mac(TenantId tenant, String fingerprint, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // Lengths first, so no two (tenant, fingerprint) pairs share one input.
            byte[] t = tenant.value().getBytes(StandardCharsets.UTF_8);
            byte[] f = fingerprint.getBytes(StandardCharsets.UTF_8);
            mac.update(lengthOf(t));
            mac.update(t);
            mac.update(lengthOf(f));
            mac.update(f);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] lengthOf(byte[] bytes) {
        int n = bytes.length;
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static ScimException invalid() {
        return ScimException.of(ScimErrorType.INVALID_CURSOR, INVALID);
    }
}
