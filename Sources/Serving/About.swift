/// Serving: many requests answered at once by one model — a paged KV cache, a continuous-batching
/// scheduler and the OpenAI-compatible request and response types.
public enum ServingModule {}
