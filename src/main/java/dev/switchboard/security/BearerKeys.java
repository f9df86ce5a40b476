package dev.switchboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.switchboard.api.ErrorFormat;

/**
 * Keys a caller presents as {@code Authorization: Bearer <key>}, and the 401 that refuses the rest.
 * Shared by the gateway and admin filters so both compare the same way and refuse in the same format.
 */
final class BearerKeys {

    private final List<byte[]> keys;

    private BearerKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    static BearerKeys of(Collection<String> keys) {
        return new BearerKeys(keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList());
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Whether the Authorization header (null when absent) carries one of the keys. */
    boolean admit(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && known(authorization.substring(7).trim());
    }

    /** Compares against every key in constant time, so timing reveals nothing about near misses. */
    private boolean known(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }

    /** A 401 in the OpenAI error format; the message never echoes what the caller sent. */
    static Response unauthorized(String message) {
        return unauthorized(message, ErrorFormat.OPENAI);
    }

    /** A 401 in the caller's API's error format. */
    static Response unauthorized(String message, ErrorFormat format) {
        return Response.status(401).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(format.body(401, message, "invalid_request_error", null, "invalid_api_key")).build();
    }
}
