package dev.switchboard.provider.gemini;

import java.util.List;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /v1beta/models} as Google documents it, a {@code ListModelsResponse}:
 * {@code {"models":[{name, displayName, inputTokenLimit, supportedGenerationMethods...}], "nextPageToken"}}.
 * Read only by the health probe, so only the shape matters; fields not listed here are ignored.
 */
@RegisterForReflection
public record GeminiModelList(List<Model> models, String nextPageToken) {

    public record Model(String name, String displayName, List<String> supportedGenerationMethods) {
    }

    /**
     * Any JSON object is the documented shape: in Google's JSON mapping an empty repeated field is
     * left out, so a key that can see no model gets {@code {}} rather than {@code {"models":[]}}.
     * (A body that is not a JSON object at all never gets this far: it cannot be read as this record.)
     */
    public boolean documented() {
        return true;
    }
}
