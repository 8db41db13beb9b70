/// The HTTP face of ``Serving``: OpenAI-compatible routes on Hummingbird.
public enum ServingHTTPModule {}
