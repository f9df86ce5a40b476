package dev.switchboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.InvalidRequestException;

/**
 * Reads a message's {@code content} (a string or an array of parts) into {@link ContentPart}s, and
 * a {@code cache_control} object into a {@link CacheHint}. Text parts are allowed everywhere; image
 * parts ({@code image_url}, an {@code http(s)} or {@code data:} URL) only where the caller's own
 * words go, as in OpenAI's API.
 */
public final class ContentParts {

    /** The image types every provider takes inline. */
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    public static final Set<String> DETAILS = Set.of("auto", "low", "high");
    static final Set<String> CACHE_TTLS = Set.of("5m", "1h");
    private static final Pattern DATA_URL = Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

    private final long maxImageBytes;

    public ContentParts(long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * @param images whether image parts are allowed (user messages); elsewhere only text is
     * @param what   what the content is, for messages: "a user message", "a tool result"...
     */
    List<ContentPart> read(JsonNode content, String param, boolean images, String what) {
        if (content.isTextual()) {
            return List.of(new ContentPart.Text(content.asText()));
        }
        if (!content.isArray() || content.isEmpty()) {
            throw new InvalidRequestException(param, param + " must be a string or a non-empty array of "
                    + (images ? "text and image parts" : "text parts"));
        }
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            parts.add(part(content.get(i), param + "[" + i + "]", images, what));
        }
        return parts;
    }

    private ContentPart part(JsonNode part, String param, boolean images, String what) {
        if (!part.isObject()) {
            throw new InvalidRequestException(param, param + " must be an object");
        }
        String type = part.path("type").asText("");
        CacheHint cache = cacheHint(part.get("cache_control"), param + ".cache_control");
        switch (type) {
            case "text" -> {
                if (!part.path("text").isTextual()) {
                    throw new InvalidRequestException(param + ".text", param + ".text must be a string");
                }
                return new ContentPart.Text(part.get("text").asText(), cache);
            }
            case "image_url" -> {
                if (!images) {
                    throw new InvalidRequestException(param + ".type", param + ".type 'image_url' is not allowed in "
                            + what + "; only user messages carry images");
                }
                return image(part.get("image_url"), param + ".image_url", cache);
            }
            case "" -> throw new InvalidRequestException(param + ".type", param + ".type is required");
            default -> throw new InvalidRequestException(param + ".type", param + ".type '" + type
                    + "' is not supported by Switchboard; " + (images ? "text and image_url parts are" : "only text parts are"));
        }
    }

    private ContentPart.Image image(JsonNode image, String param, CacheHint cache) {
        if (image == null || !image.isObject() || !image.path("url").isTextual()) {
            throw new InvalidRequestException(param + ".url", param + ".url must be a string");
        }
        String detail = null;
        if (image.hasNonNull("detail")) {
            detail = image.get("detail").asText();
            if (!image.get("detail").isTextual() || !DETAILS.contains(detail)) {
                throw new InvalidRequestException(param + ".detail", param + ".detail must be one of auto, low, high");
            }
        }
        return new ContentPart.Image(source(image.get("url").asText(), param + ".url"), detail, cache);
    }

    /**
     * An image's {@code http(s)} or {@code data:} URL as its source, checked as for {@code image_url}
     * parts (media type, {@code switchboard.limits.max-image-size}); {@code param} is named when it is not.
     */
    public ImageSource source(String url, String param) {
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return new ImageSource.Remote(url);
        }
        Matcher data = DATA_URL.matcher(url);
        if (!data.matches()) {
            throw new InvalidRequestException(param, param + " must be an http(s) URL or a base64 data URL"
                    + " (data:image/png;base64,...)");
        }
        String mediaType = data.group(1).toLowerCase(java.util.Locale.ROOT);
        if (!IMAGE_TYPES.contains(mediaType)) {
            throw new InvalidRequestException(param, param + " has media type '" + mediaType
                    + "'; images must be image/png, image/jpeg, image/gif or image/webp");
        }
        return inline(mediaType, data.group(2), param);
    }

    /** Inline image bytes, base64-encoded, of a type every provider takes and within the size limit. */
    public ImageSource.Inline inline(String mediaType, String base64, String param) {
        if (!IMAGE_TYPES.contains(mediaType)) {
            throw new InvalidRequestException(param, param + " has media type '" + mediaType
                    + "'; images must be image/png, image/jpeg, image/gif or image/webp");
        }
        ImageSource.Inline inline = new ImageSource.Inline(mediaType, base64);
        if (inline.decodedBytes() > maxImageBytes) {
            throw new InvalidRequestException(400, param, param + " is an image of " + inline.decodedBytes()
                    + " bytes, over the limit of " + maxImageBytes + " (switchboard.limits.max-image-size)",
                    "image_too_large");
        }
        return inline;
    }

    /** {@code {"type":"ephemeral"}}, optionally with {@code "ttl":"5m"|"1h"}: Anthropic's cache_control. */
    public static CacheHint cacheHint(JsonNode node, String param) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !"ephemeral".equals(node.path("type").asText(null))) {
            throw new InvalidRequestException(param, param + " must be {\"type\":\"ephemeral\"}, optionally with a ttl");
        }
        JsonNode ttl = node.get("ttl");
        if (ttl == null || ttl.isNull()) {
            return CacheHint.EPHEMERAL;
        }
        if (!ttl.isTextual() || !CACHE_TTLS.contains(ttl.asText())) {
            throw new InvalidRequestException(param + ".ttl", param + ".ttl must be '5m' or '1h'");
        }
        return new CacheHint(ttl.asText());
    }
}
