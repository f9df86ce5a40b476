package dev.switchboard.chat;

/**
 * One part of a message's content: text, or an image. Each provider receives the parts in its own
 * shape (a string, blocks, parts) without losing their boundaries or their order.
 */
public sealed interface ContentPart {

    /** The caller's prompt-cache breakpoint on this part, or null (see {@link CacheHint}). */
    CacheHint cache();

    /** A piece of text. */
    record Text(String text, CacheHint cache) implements ContentPart {
        public Text(String text) {
            this(text, null);
        }
    }

    /**
     * An image, by URL or inline.
     *
     * @param detail OpenAI's {@code low}, {@code high} or {@code auto}; null when the caller set none.
     *               Only OpenAI-format providers have an equivalent; the others ignore it, as it only
     *               tunes how many tokens the image costs
     */
    record Image(ImageSource source, String detail, CacheHint cache) implements ContentPart {
    }
}
