package dev.switchboard.provider.vertex;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /v1beta1/publishers/google/models}, a {@code ListPublisherModelsResponse}:
 * {@code {"publisherModels":[{name, versionId, launchStage...}], "nextPageToken"}}. Read only by the
 * health probe, so only the shape matters.
 */
@RegisterForReflection
public record VertexModelList(List<PublisherModel> publisherModels, String nextPageToken) {

    public record PublisherModel(String name) {
    }

    /**
     * Any JSON object is the documented shape: Google's JSON mapping leaves an empty repeated field
     * out, so an answer with no model is {@code {}}.
     */
    public boolean documented() {
        return true;
    }
}
