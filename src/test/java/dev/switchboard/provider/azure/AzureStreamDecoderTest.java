package dev.switchboard.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.StreamEvent.Done;
import dev.switchboard.chat.StreamEvent.Finished;
import dev.switchboard.chat.StreamEvent.Started;
import dev.switchboard.chat.StreamEvent.Text;
import dev.switchboard.chat.StreamEvent.UsageReported;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.support.Fixtures;

/** Azure's stream is OpenAI's after an opening report on the prompt's filters, which starts nothing. */
class AzureStreamDecoderTest {

    private static final ProviderId AZURE = new ProviderId("azure-eu", ProviderType.AZURE_OPENAI);
    private static final String ID = "chatcmpl-Abq9TfZ2kLwV5xM8nRcQ1yHdJ7uEo";
    private static final String MODEL = "gpt-4o-2024-08-06";
    private static final String FILTER_REPORT = "{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\","
            + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{\"hate\":{\"filtered\":false,"
            + "\"severity\":\"safe\"}}}]}";

    private final AzureStreamDecoder decoder = new AzureStreamDecoder(AZURE);

    @Test
    void startsWithTheFirstRealChunkAndReportsUsageFromTheLast() {
        assertThat(Fixtures.decoded(decoder, "azure/chat-completion-stream.sse")).containsExactly(
                new Started(ID, MODEL),
                new Text("Ahoy"),
                new Text("! A parrot"),
                new Text(" needs a roomy cage."),
                new Finished(FinishReason.STOP),
                new UsageReported(new Usage(21, 9)),
                new Done());
    }

    @Test
    void theFilterReportAloneStartsNothing() {
        assertThat(decoder.decode(null, FILTER_REPORT)).isEmpty();
    }

    @Test
    void aFirstRealChunkWithoutAModelIsStillMalformed() {
        decoder.decode(null, FILTER_REPORT);

        assertThatThrownBy(() -> decoder.decode(null, "{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}"))
                .isInstanceOf(ProviderFailure.MalformedResponse.class).hasMessageContaining("names no model");
    }

    @Test
    void aFilterAnnotationInTheMiddleIsPassedOver() {
        // Azure's asynchronous filter sends its verdicts on text already streamed as chunks of their own.
        List<StreamEvent> started = decoder.decode(null, chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null));
        List<StreamEvent> annotation = decoder.decode(null, "{\"choices\":[{\"content_filter_offsets\":{\"check_offset\":2,"
                + "\"start_offset\":0,\"end_offset\":2},\"content_filter_results\":{\"hate\":{\"filtered\":false,"
                + "\"severity\":\"safe\"}},\"finish_reason\":null,\"index\":0}],\"created\":0,\"id\":\"\",\"model\":\"\","
                + "\"object\":\"\"}");

        assertThat(started).containsExactly(new Started(ID, MODEL), new Text("Hi"));
        assertThat(annotation).isEmpty();
    }

    @Test
    void anAnswerTheFilterCutEndsAsAContentFilterFinish() {
        decoder.decode(null, FILTER_REPORT);
        decoder.decode(null, chunk("{\"role\":\"assistant\",\"content\":\"Once\"}", null));

        assertThat(decoder.decode(null, chunk("{}", "content_filter")))
                .containsExactly(new Finished(FinishReason.CONTENT_FILTER));
    }

    @Test
    void anErrorEventInTheStreamIsTypedAsOpenAisAre() {
        decoder.decode(null, FILTER_REPORT);

        assertThatThrownBy(() -> decoder.decode(null, "{\"error\":{\"code\":\"content_filter\",\"message\":\"The response "
                + "was filtered due to the prompt triggering Azure OpenAI's content management policy.\"}}"))
                .isInstanceOf(ProviderFailure.ContentFiltered.class);
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"choices\":[{\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + ",\"index\":0,\"logprobs\":null,"
                + "\"content_filter_results\":{}}],\"created\":1733489502,\"id\":\"" + ID + "\",\"model\":\"" + MODEL
                + "\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"fp_04751d0b65\"}";
    }
}
