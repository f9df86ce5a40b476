package dev.switchboard.provider.openai;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;


import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Singleton
public class OpenAiAdapter extends OpenAiFormatAdapter {

    private final OpenAiClient client;

    public OpenAiAdapter(@RestClient OpenAiClient client, ProviderEndpoints endpoints) {
        super(ProviderType.OPENAI, endpoints);
        this.client = client;
    }

    @Override
    protected Uni<OpenAiChatResponse> send(String baseUrl, String authorization, JsonBody body) {
        return client.chatCompletions(baseUrl, authorization, body);
    }

    @Override
    protected Multi<byte[]> sendStreaming(String baseUrl, String authorization, JsonBody body) {
        return client.streamChatCompletions(baseUrl, authorization, body);
    }

    @Override
    protected Uni<OpenAiModelList> listModels(String baseUrl, String authorization) {
        return client.listModels(baseUrl, authorization);
    }
}
