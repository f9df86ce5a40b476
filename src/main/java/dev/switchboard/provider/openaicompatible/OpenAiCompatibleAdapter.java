package dev.switchboard.provider.openaicompatible;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.rest.client.inject.RestClient;


import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.openai.OpenAiChatResponse;
import dev.switchboard.provider.openai.OpenAiFormatAdapter;
import dev.switchboard.provider.openai.OpenAiModelList;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Singleton
public class OpenAiCompatibleAdapter extends OpenAiFormatAdapter {

    private final OpenAiCompatibleClient client;

    public OpenAiCompatibleAdapter(@RestClient OpenAiCompatibleClient client, ProviderEndpoints endpoints) {
        super(ProviderType.OPENAI_COMPATIBLE, endpoints);
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
