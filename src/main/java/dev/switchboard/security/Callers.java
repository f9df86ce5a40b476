package dev.switchboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.config.SwitchboardConfig;

/**
 * A stable, non-secret name for the caller behind a gateway key, for spend reports, budgets and
 * metrics: {@code key-} and the first 8 hex digits of the key's SHA-256. The same key always gets the
 * same id, across restarts and replicas, and the id reveals nothing usable about the key. With no
 * gateway keys configured every caller is {@code anonymous}: whatever an open gateway's callers send
 * is unverified, and hashing it would let them mint unbounded ids.
 */
@ApplicationScoped
public class Callers {

    public static final String ANONYMOUS = "anonymous";
    /** Where Anthropic's SDKs and Claude Code send the key. */
    public static final String API_KEY_HEADER = "x-api-key";

    private final boolean open;
    /** Each configured key's id, worked out once: the hash is not redone on every request. */
    private final Map<String, String> ids;

    public Callers(SwitchboardConfig config) {
        List<String> keys = config.auth().apiKeys().orElse(List.of());
        this.open = keys.isEmpty();
        this.ids = keys.stream().distinct().collect(Collectors.toUnmodifiableMap(key -> key, Callers::idOf));
    }

    /**
     * The caller presenting this Authorization header. {@code GatewayAuthFilter} has already admitted it,
     * so on a locked gateway it carries a configured key.
     */
    public String identify(String authorization) {
        if (open || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return ANONYMOUS;
        }
        String key = authorization.substring(7).trim();
        String known = ids.get(key);
        return known != null ? known : idOf(key);
    }

    /**
     * The key a caller presents, as an Authorization header value: the Authorization header when it
     * carries a Bearer token, else Anthropic's {@code x-api-key} as if sent as one; null when neither.
     */
    public static String presented(String authorization, String apiKey) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization;
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return "Bearer " + apiKey.trim();
        }
        return authorization;
    }

    /** The id of a gateway key: what operators see in place of the key. */
    public static String idOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "key-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
