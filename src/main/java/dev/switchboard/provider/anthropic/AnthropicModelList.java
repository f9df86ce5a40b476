package dev.switchboard.provider.anthropic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /v1/models} as Anthropic documents it: {@code {"data":[{id, type, display_name,
 * created_at}], "first_id", "last_id", "has_more"}}, newest models first. Read only by the health
 * probe, so only the shape matters; fields not listed here (capabilities, token limits) are ignored.
 */
@RegisterForReflection
public record AnthropicModelList(List<Model> data, @JsonProperty("first_id") String firstId,
        @JsonProperty("last_id") String lastId, @JsonProperty("has_more") Boolean hasMore) {

    public record Model(String id, String type, @JsonProperty("display_name") String displayName,
            @JsonProperty("created_at") String createdAt) {
    }

    /** The documented shape: a list under {@code data}. */
    public boolean documented() {
        return data != null;
    }
}
