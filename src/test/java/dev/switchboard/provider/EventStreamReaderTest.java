package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.EventStreamReader.Event;
import dev.switchboard.provider.openai.OpenAiStreamDecoder;
import dev.switchboard.support.Fixtures;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

class EventStreamReaderTest {

    private static final List<String> FIXTURES = List.of(
            "openai/chat-completion-stream.sse", "openai/chat-completion-stream-refusal.sse",
            "openai/chat-completion-stream-server-error.sse", "anthropic/stream-basic.sse",
            "anthropic/stream-tool-use.sse", "anthropic/stream-extended-thinking.sse", "anthropic/stream-web-search.sse",
            "anthropic/stream-overloaded.sse", "gemini/stream-generate-content.sse",
            "gemini/stream-generate-content-signature.sse", "gemini/stream-safety-before-text.sse",
            "gemini/stream-safety-after-text.sse");

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 7, 64, 1 << 20 })
    void everyProviderFixtureReadsAsTheSseFormatDefinesItHoweverTheBytesArrive(int pieceSize) {
        for (String fixture : FIXTURES) {
            List<Fixtures.Sse> expected = Fixtures.sse(fixture);
            assertThat(expected).as(fixture).isNotEmpty();
            assertThat(readAll(Fixtures.pieces(fixture, pieceSize))).as(fixture + " in pieces of " + pieceSize)
                    .containsExactlyElementsOf(expected.stream().map(e -> new Event(e.name(), e.data())).toList());
        }
    }

    @Test
    void linesMayEndInLfCrLfOrCrEvenWhenACrLfIsSplitBetweenReads() {
        assertThat(read("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: d\r", "\n\r\n"))
                .containsExactly(new Event(null, "a"), new Event(null, "b"), new Event(null, "c"), new Event(null, "d"));
    }

    @Test
    void dataLinesAreJoinedWithLfAndOneSpaceAfterTheColonIsDropped() {
        assertThat(read("event: delta\ndata: {\"a\":\ndata:  1}\ndata\ndata:x\n\n"))
                .containsExactly(new Event("delta", "{\"a\":\n 1}\n\nx"));
    }

    @Test
    void commentsIdsRetriesAndUnknownFieldsAreIgnoredAndAnEventWithoutDataIsNotDispatched() {
        assertThat(read(": keep-alive\n\nid: 7\nretry: 100\nfoo: bar\ndata: kept\n\nevent: ping\n\n\n\ndata: [DONE]\n\n"))
                .containsExactly(new Event(null, "kept"), new Event(null, "[DONE]"));
    }

    @Test
    void theEventNameDoesNotCarryOverToTheNextEvent() {
        assertThat(read("event: message_start\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n"))
                .containsExactly(new Event("message_start", "1"), new Event(null, "2"), new Event(null, "3"));
    }

    @Test
    void anEventTheStreamEndsBeforeFinishingIsDropped() {
        EventStreamReader reader = new EventStreamReader(ProviderId.OPENAI);
        assertThat(reader.read(bytes("data: whole\n\ndata: cut sho"))).containsExactly(new Event(null, "whole"));
        assertThat(reader.read(bytes("rt\n"))).isEmpty();
    }

    @Test
    void aByteOrderMarkAtTheStartIsDroppedAndACharacterSplitBetweenReadsIsWhole() {
        byte[] text = bytes("\uFEFFdata: h\u00e9llo \ud83d\ude00\n\n");
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            pieces.add(new byte[] { text[i] });
        }
        assertThat(readAll(pieces)).containsExactly(new Event(null, "h\u00e9llo \ud83d\ude00"));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() {
        assertThat(readAll(List.of(new byte[] { 'd', 'a', 't', 'a', ':', (byte) 0xff, '\n', '\n' })))
                .containsExactly(new Event(null, "\uFFFD"));
    }

    @Test
    void anEventThatNeverEndsFailsAsMalformedInsteadOfGrowingWithoutBound() {
        EventStreamReader reader = new EventStreamReader(ProviderId.ANTHROPIC);
        byte[] line = new byte[64 * 1024];
        Arrays.fill(line, (byte) 'x');
        line[0] = 'd';
        assertThatThrownBy(() -> {
            for (int i = 0; i <= EventStreamReader.MAX_EVENT_BYTES / line.length; i++) {
                reader.read(line);
            }
        }).isInstanceOfSatisfying(ProviderFailure.MalformedResponse.class,
                failure -> assertThat(failure.getMessage()).contains("longer than 1048576 bytes"));
    }

    @Test
    void manySmallEventsNeverAddUpToTheLimit() {
        EventStreamReader reader = new EventStreamReader(ProviderId.OPENAI);
        byte[] event = bytes("data: " + "y".repeat(1000) + "\n\n");
        int events = 0;
        for (int i = 0; i < 2 * EventStreamReader.MAX_EVENT_BYTES / event.length; i++) {
            events += reader.read(event).size();
        }
        assertThat(events).isEqualTo(2 * EventStreamReader.MAX_EVENT_BYTES / event.length);
    }

    @Test
    void decodeGivesEachSubscriptionItsOwnReaderAndDecoder() {
        Multi<byte[]> body = Multi.createFrom().iterable(Fixtures.pieces("openai/chat-completion-stream.sse", 5));
        Multi<StreamEvent> events = EventStreamReader.decode(ProviderId.OPENAI, () -> body,
                () -> new OpenAiStreamDecoder(ProviderId.OPENAI));

        List<StreamEvent> first = events.subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE))
                .awaitCompletion().getItems();
        List<StreamEvent> second = events.subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE))
                .awaitCompletion().getItems();

        assertThat(first).isNotEmpty().first().isInstanceOf(StreamEvent.Started.class);
        assertThat(first).last().isInstanceOf(StreamEvent.Done.class);
        assertThat(second).isEqualTo(first)
                .isEqualTo(Fixtures.decoded(new OpenAiStreamDecoder(ProviderId.OPENAI), "openai/chat-completion-stream.sse"));
    }

    private static List<Event> read(String... reads) {
        return readAll(Arrays.stream(reads).map(EventStreamReaderTest::bytes).toList());
    }

    private static List<Event> readAll(List<byte[]> reads) {
        EventStreamReader reader = new EventStreamReader(ProviderId.OPENAI);
        List<Event> events = new ArrayList<>();
        for (byte[] piece : reads) {
            events.addAll(reader.read(piece));
        }
        return events;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
